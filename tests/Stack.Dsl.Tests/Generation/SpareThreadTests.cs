using System.Collections.Concurrent;
using Stack.Dsl.Generation;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// The output folder's files are written in two halves, one on a spare thread: every index runs
/// once, and a failure is rethrown only when the other half is done (the caller then deletes what
/// was written, which must not race a write still under way).
/// </summary>
public sealed class SpareThreadTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(25)]
    public void Every_index_runs_exactly_once(int count)
    {
        var ran = new ConcurrentBag<int>();

        SpareThread.Halves(count, ran.Add);

        Assert.Equal(Enumerable.Range(0, count), ran.Order());
    }

    [Fact]
    public void With_a_second_core_the_halves_run_on_two_threads_else_on_this_one()
    {
        var threads = new ConcurrentBag<int>();

        SpareThread.Halves(8, _ => threads.Add(Environment.CurrentManagedThreadId));

        // One core (DOTNET_PROCESSOR_COUNT=1): all on the calling thread.
        Assert.Equal(SpareThread.Available ? 2 : 1, threads.Distinct().Count());
    }

    [Fact]
    public void A_failure_here_is_rethrown_only_once_the_other_half_is_done()
    {
        var otherDone = false;

        var failure = Assert.Throws<IOException>(() => SpareThread.Halves(4, index =>
        {
            if (index == 0)
            {
                throw new IOException("disk full");
            }

            if (index == 1)
            {
                Thread.Sleep(300); // still writing when this thread fails
                Volatile.Write(ref otherDone, true);
            }
        }));

        Assert.Equal("disk full", failure.Message);
        // One core: the indexes run in turn and the failure stops them, so index 1 never runs.
        Assert.Equal(SpareThread.Available, Volatile.Read(ref otherDone));
    }

    [Fact]
    public void A_failure_on_the_spare_thread_is_rethrown_here()
    {
        var failure = Assert.Throws<UnauthorizedAccessException>(() => SpareThread.Halves(6, index =>
        {
            if (index == 3)
            {
                throw new UnauthorizedAccessException("read-only");
            }
        }));

        Assert.Equal("read-only", failure.Message);
    }
}
