using Stack.Engine.Tests.Infrastructure;
using Stack.Samples.Drill;
using Xunit.Abstractions;

namespace Stack.Engine.Tests.Drill;

/// <summary>The backup restores: the drill passes as generated, and fails when the backup or the restore is broken on purpose.</summary>
[Trait("Category", "Engine")]
public sealed class RestoreDrillTests(ITestOutputHelper log)
{
    [SkippableFact]
    public void Every_row_and_file_comes_back_from_an_empty_engine()
    {
        DockerEngine.Require(DrillStack.Images.MariaDb, DrillStack.Images.Tools);
        using var drill = new RestoreDrill(log);

        var report = drill.Run();

        // The dump is in the snapshot and the live database files are not: the rows came from the dump.
        Assert.Contains("/docker/volumes/drill_mysql-dump/_data/all-databases.sql", report.Snapshot);
        Assert.Contains("/docker/volumes/drill_uploads/_data" + RestoreDrill.UploadPath["/uploads".Length..], report.Snapshot);
        Assert.DoesNotContain(report.Snapshot, path => path.StartsWith("/docker/volumes/drill_mysql-data/", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Snapshot, path => path.StartsWith("/docker/volumes/drill_cache/", StringComparison.Ordinal));
        log.WriteLine($"drill: {report.Elapsed.TotalSeconds:F1} s, repository {report.RepositoryBytes / 1024.0:F0} KiB");
    }

    [SkippableTheory]
    [InlineData(Sabotage.SkipTheDump)]
    [InlineData(Sabotage.ExcludeTheDump)]
    [InlineData(Sabotage.LoadTheDumpBeforeRestoringFiles)]
    internal void A_broken_backup_or_restore_fails_the_drill_and_leaves_nothing_behind(Sabotage sabotage)
    {
        DockerEngine.Require(DrillStack.Images.MariaDb, DrillStack.Images.Tools);
        DrillStepFailedException failure;
        using (var drill = new RestoreDrill(log))
        {
            failure = Assert.Throws<DrillStepFailedException>(() => drill.Run(sabotage));
        }

        log.WriteLine(failure.Message);
        Assert.Equal("restore with the generated restore.sh", failure.Step);
        Assert.Empty(DockerEngine.ProjectObjects("container", DrillStack.ProjectName));
        Assert.Empty(DockerEngine.ProjectObjects("volume", DrillStack.ProjectName));
        Assert.Empty(DockerEngine.ProjectObjects("network", DrillStack.ProjectName));
    }
}
