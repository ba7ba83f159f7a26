// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
namespace Stack.Rules;

/// <summary>Where a program's credential flag has its password.</summary>
internal enum CredentialPlace
{
    /// <summary>The next word: <c>redis-cli -a hunter2</c>.</summary>
    Next,

    /// <summary>Glued to the flag: <c>mysql -phunter2</c>.</summary>
    Glued,

    /// <summary>After the user, in the next word or after '=': <c>curl -u admin:hunter2</c>.</summary>
    UserPassword,
}

/// <summary>A flag of a program that takes a password though its name does not say so.</summary>
internal sealed class CredentialFlag
{
    public CredentialFlag(string program, string flag, CredentialPlace place) => (Program, Flag, Place) = (program, flag, place);

    public string Program { get; }

    public string Flag { get; }

    public CredentialPlace Place { get; }
}
