// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
namespace Stack.Rules;

/// <summary>How a text holds a literal secret.</summary>
internal enum SecretForm
{
    /// <summary>The text is the literal value of a secret-named key.</summary>
    Value,

    /// <summary>A URL's password.</summary>
    UrlPassword,

    /// <summary>A secret-named variable's default.</summary>
    Default,

    /// <summary>A <c>NAME=value</c> inside the text.</summary>
    Assignment,

    /// <summary>A <c>--flag=value</c> or <c>--flag value</c> inside the text.</summary>
    Flag,
}

/// <summary>A literal secret in a text: the name it belongs to (what <c>AcceptLiteralSecret</c> takes) and its form.</summary>
internal sealed class SecretHolding
{
    public SecretHolding(string subject, SecretForm form, string shown) => (Subject, Form, Shown) = (subject, form, shown);

    /// <summary>The key, variable or flag; empty for a URL's password in a text without a key.</summary>
    public string Subject { get; }

    public SecretForm Form { get; }

    /// <summary>How a message shows it, the secret left out where it can be (<c>--password=...</c>, <c>DB_PASSWORD=...</c>).</summary>
    public string Shown { get; }
}
