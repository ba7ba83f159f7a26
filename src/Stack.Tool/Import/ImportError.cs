using YamlDotNet.Core;

namespace Stack.Tool.Import;

/// <summary>Why a compose file cannot be imported, where (MSBuild's <c>file(line,col)</c>).</summary>
internal sealed record ImportError(string File, Mark At, string Message)
{
    public override string ToString() => $"{File}({At.Line},{At.Column}): error {Stack.Rules.RuleIds.ImportRefused}: {Message}";
}

/// <summary>Thrown inside the importer to refuse a node; collected by <see cref="ComposeImporter"/>.</summary>
internal sealed class ImportRefusal(Mark at, string message) : Exception(message)
{
    public Mark At { get; } = at;

    /// <summary>For a refusal of text found where no node is at hand (<see cref="Mark.Empty"/>): the text, so a caller can find its node.</summary>
    public string? Text { get; init; }
}
