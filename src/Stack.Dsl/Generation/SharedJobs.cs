using System.Runtime.ExceptionServices;

namespace Stack.Dsl.Generation;

/// <summary>
/// Independent jobs that the rendering thread posts and the main thread may help with. With the
/// Swarm target on, the rendering thread is the longer one: the main thread is done with the
/// rules first and would only wait, so it takes jobs from the same list instead. Results stay in
/// job order, whichever thread ran a job, so the output does not depend on the timing.
/// </summary>
internal sealed class SharedJobs
{
    private readonly object gate = new();
    private Action[] jobs = [];
    private ExceptionDispatchInfo?[] failures = [];
    private bool posted;
    private int next = -1;
    private int unfinished;

    /// <summary>
    /// Runs every job, on this thread and on a helper that calls <see cref="Help"/>, and returns
    /// when all are done. A job's exception is rethrown here (the first in job order).
    /// </summary>
    public void Run(Action[] work)
    {
        lock (gate)
        {
            jobs = work;
            failures = new ExceptionDispatchInfo?[work.Length];
            unfinished = work.Length;
            posted = true;
            Monitor.PulseAll(gate);
        }

        TakeJobs();
        lock (gate)
        {
            while (unfinished > 0)
            {
                Monitor.Wait(gate);
            }
        }

        foreach (var failure in failures)
        {
            failure?.Throw();
        }
    }

    /// <summary>Nothing (more) will be posted: a waiting <see cref="Help"/> returns.</summary>
    public void Close()
    {
        lock (gate)
        {
            posted = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Waits until jobs are posted (or none will be), then runs jobs no thread has taken yet.</summary>
    public void Help()
    {
        lock (gate)
        {
            while (!posted)
            {
                Monitor.Wait(gate);
            }
        }

        TakeJobs();
    }

    private void TakeJobs()
    {
        for (var index = Interlocked.Increment(ref next); index < jobs.Length; index = Interlocked.Increment(ref next))
        {
            try
            {
                jobs[index]();
            }
#pragma warning disable CA1031 // Rethrown by Run, on the thread that posted the jobs.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures[index] = ExceptionDispatchInfo.Capture(exception);
            }

            lock (gate)
            {
                if (--unfinished == 0)
                {
                    Monitor.PulseAll(gate);
                }
            }
        }
    }
}
