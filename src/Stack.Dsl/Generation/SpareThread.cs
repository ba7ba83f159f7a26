namespace Stack.Dsl.Generation;

/// <summary>
/// Runs work on a new background thread and hands its result back as a task. A generate is one
/// short process: the thread pool's first use costs the calling thread about 2 ms (the pool and
/// its first worker are set up), more than starting a thread.
/// </summary>
internal static class SpareThread
{
    /// <summary>Below this many, starting a thread costs more than it saves.</summary>
    private const int MinimumToShare = 4;

    /// <summary>Whether a second core is there to run the work; without one it is run where it is asked for.</summary>
    public static bool Available => System.Environment.ProcessorCount > 1;

    /// <summary>
    /// Runs <paramref name="work"/> for every index below <paramref name="count"/> and returns when
    /// all have run: with a second core, every other index on a new thread. A failure is rethrown
    /// here (this thread's first), and only once the other thread is done too, so what the work
    /// wrote can be cleaned up without a write still under way.
    /// </summary>
    public static void Halves(int count, Action<int> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Available || count < MinimumToShare)
        {
            for (var index = 0; index < count; index++)
            {
                work(index);
            }

            return;
        }

        var odd = Run(() =>
        {
            for (var index = 1; index < count; index += 2)
            {
                work(index);
            }

            return true;
        });
        try
        {
            for (var index = 0; index < count; index += 2)
            {
                work(index);
            }
        }
        catch
        {
            ((IAsyncResult)odd).AsyncWaitHandle.WaitOne();
            throw;
        }

        odd.GetAwaiter().GetResult();
    }

    /// <summary>Starts <paramref name="work"/> on a new background thread.</summary>
    public static Task<T> Run<T>(Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(work());
            }
#pragma warning disable CA1031 // Handed to whoever waits for the task, which rethrows it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                result.SetException(exception);
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
        return result.Task;
    }
}
