using Stack.Dsl.Generation;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// The rendering thread posts the Swarm files as jobs and the main thread helps once its rules are
/// done: every job runs once, a helper takes what the poster has not reached, a failure reaches the
/// poster, and a helper never waits for jobs that will not come.
/// </summary>
public sealed class SharedJobsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A thread of its own, as the main thread is: a pool thread could be starved by other tests.</summary>
    private static Thread Helping(SharedJobs jobs)
    {
        var thread = new Thread(jobs.Help) { IsBackground = true };
        thread.Start();
        return thread;
    }

    [Fact]
    public void A_helper_takes_the_jobs_the_posting_thread_has_not_reached()
    {
        // Job 0 waits until job 1 has run: only a second thread can run job 1 meanwhile.
        var jobs = new SharedJobs();
        using var secondRan = new ManualResetEventSlim();
        int[] ranOn = [0, 0];
        var helper = Helping(jobs);

        jobs.Run([
            () => { Assert.True(secondRan.Wait(Patience), "no helper took job 1"); ranOn[0] = Environment.CurrentManagedThreadId; },
            () => { ranOn[1] = Environment.CurrentManagedThreadId; secondRan.Set(); },
        ]);

        Assert.True(helper.Join(Patience));
        Assert.NotEqual(ranOn[0], ranOn[1]);
    }

    [Fact]
    public void Every_job_runs_once_whichever_thread_takes_it()
    {
        for (var round = 0; round < 200; round++)
        {
            var jobs = new SharedJobs();
            var runs = new int[40];
            var helper = Helping(jobs);

            jobs.Run([.. Enumerable.Range(0, runs.Length).Select(i => (Action)(() => Interlocked.Increment(ref runs[i])))]);

            // Run returns only when every job is done, the helper's included.
            Assert.All(runs, count => Assert.Equal(1, count));
            Assert.True(helper.Join(Patience));
        }
    }

    [Fact]
    public void A_job_that_fails_on_the_helper_fails_the_run_on_the_posting_thread_and_the_others_still_run()
    {
        var jobs = new SharedJobs();
        using var helping = new ManualResetEventSlim();
        var others = 0;
        var helper = Helping(jobs);

        // Job 0 holds the posting thread until job 1, which fails, has run on the helper.
        var failure = Assert.Throws<InvalidOperationException>(() => jobs.Run([
            () => Assert.True(helping.Wait(Patience)),
            () => { helping.Set(); throw new InvalidOperationException("job 1"); },
            () => Interlocked.Increment(ref others),
            () => throw new InvalidOperationException("job 3"),
        ]));

        Assert.Equal("job 1", failure.Message);
        Assert.Equal(1, others);
        Assert.True(helper.Join(Patience));
    }

    [Fact]
    public void A_helper_waits_for_jobs_and_returns_when_none_will_come()
    {
        var jobs = new SharedJobs();
        var helper = Helping(jobs);

        Assert.False(helper.Join(TimeSpan.FromMilliseconds(100)));
        jobs.Close();

        Assert.True(helper.Join(Patience));
    }

    [Fact]
    public void Nothing_to_run_returns_at_once_and_frees_a_helper()
    {
        var jobs = new SharedJobs();
        jobs.Run([]);

        Assert.True(Helping(jobs).Join(Patience));
    }
}
