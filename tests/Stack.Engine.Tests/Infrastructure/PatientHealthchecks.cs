namespace Stack.Engine.Tests.Infrastructure;

/// <summary>
/// An override that gives services' healthchecks a generous bound for a loaded machine: a probe
/// may take 60 s and the start period is 5 minutes. A passing check marks the service healthy at
/// once, start period or not, so on a quiet machine nothing waits longer; under load a slow
/// first start (MariaDB creating its system tables on two busy cores) is not "unhealthy" and
/// `up` does not fail on it. The interval, and so the order the tests judge, is the definition's.
/// </summary>
internal static class PatientHealthchecks
{
    /// <summary>Writes the override into <paramref name="folder"/> and returns its path, to pass after the generated files.</summary>
    public static string Write(string folder, params string[] services)
    {
        var path = Path.Combine(folder, "engine-patient-healthchecks.yml");
        File.WriteAllText(path, "services:\n" + string.Concat(services.Select(s =>
            $"  {s}:\n    healthcheck:\n      timeout: 60s\n      start_period: 5m\n      retries: 10\n")));
        return path;
    }
}
