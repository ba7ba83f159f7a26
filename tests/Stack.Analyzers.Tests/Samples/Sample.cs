namespace Stack.Analyzers.Tests.Samples;

/// <summary>
/// A small definition (one or more files, with the testing package's markup: <c>{|STK0001:x|}</c>
/// marks where the analyzer must report) and the checklist IDs the runtime check finds when
/// <c>Definition.Build()</c> runs. The same samples drive the analyzer tests and the agreement test.
/// </summary>
/// <param name="Name">What the sample shows.</param>
/// <param name="Sources">File contents with markup; <c>Definition.Build()</c> returns the stack.</param>
/// <param name="RuntimeIds">Every checklist finding at run time, one entry per finding, in any order.</param>
public sealed record Sample(string Name, string[] Sources, string[] RuntimeIds)
{
    public override string ToString() => Name;
}
