using System.Text;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// A secret or config made from a file only the deploying host has (an absolute, home or
/// variable path): Stack cannot read it to put its hash in the name (<see cref="ContentName"/>),
/// so the name ends in a variable that deploy.sh sets to that hash when it deploys. Without it,
/// a changed file would keep its name and Swarm would refuse the redeploy ("only updates to
/// Labels are allowed").
/// </summary>
/// <param name="Variable">The variable deploy.sh sets (<c>STACK_SECRET_KEY_HASH</c>).</param>
/// <param name="ShellPath">The file's path as one POSIX sh word: literals single-quoted, variables as deploy.sh has them from .env.</param>
internal sealed record HostFileHash(string Variable, string ShellPath)
{
    /// <summary>The message an unset hash variable stops <c>docker stack deploy</c> with ('}' and '$' cannot be in it).</summary>
    public const string Message = "the hash of this file, which swarm/deploy.sh sets: deploy with it";

    /// <summary>
    /// The hash for <paramref name="kind"/> <paramref name="key"/>'s file, or null when its path
    /// cannot be one plain sh word (a variable with a default or a message of its own): that name
    /// stays without a hash (docs/swarm.md says so).
    /// </summary>
    public static HostFileHash? For(HostPath file, string kind, string key, GenerationOptions options)
    {
        var path = file switch
        {
            AbsoluteHostPath absolute => Word(absolute.Path),
            HomeHostPath home => "\"$HOME\"" + Quoted("/" + home.RelativePath),
            VariableHostPath variable => Word(HostPathFormat.Format(variable, options)),
            _ => null,
        };
        return path is null ? null : new HostFileHash(VariableFor(kind, key), path);
    }

    /// <summary>The name's variable part, as compose and docker stack deploy read it.</summary>
    public Variable Reference => new Variable(Variable).Required(Message);

    /// <summary><c>STACK_SECRET_DB_PASSWORD_HASH</c>: the key upper-cased, what a shell name cannot hold as '_'.</summary>
    private static string VariableFor(string kind, string key)
    {
        var name = new StringBuilder("STACK_").Append(kind.ToUpperInvariant()).Append('_');
        foreach (var c in key)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return name.Append("_HASH").ToString();
    }

    /// <summary>Literal parts single-quoted, plain variables double-quoted; null for a variable with a default or a message.</summary>
    private static string? Word(ComposeString path)
    {
        var word = new StringBuilder();
        foreach (var part in path.Parts)
        {
            switch (part.Variable)
            {
                case null:
                    word.Append(Quoted(part.Text));
                    break;
                case { Form: VariableForm.Plain } variable:
                    // Unset reads as empty, as compose reads it (deploy.sh runs with set -u).
                    word.Append("\"${").Append(variable.Name).Append("-}\"");
                    break;
                default:
                    return null;
            }
        }

        return word.ToString();
    }

    private static string Quoted(string text) => text.Length == 0 ? string.Empty : ShellQuote.Word(text);
}
