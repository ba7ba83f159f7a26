namespace Stack.Analyzers.Tests.Samples;

/// <summary>Every sample (checklist and security), by name, for theories.</summary>
internal static class ChecklistSamples
{
    public static IReadOnlyList<Sample> All { get; } = [.. ServiceSamples.All, .. RouterSamples.All, .. DependencySamples.All, .. SecuritySamples.All, .. BackupSamples.All, .. Constants.ConstantShapeSamples.All, .. SwarmSamples.All];

    public static TheoryData<string> Names => [.. All.Select(sample => sample.Name)];

    public static Sample Named(string name) => All.Single(sample => sample.Name == name);
}
