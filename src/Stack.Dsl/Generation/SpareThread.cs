namespace Stack.Dsl.Generation;

/// <summary>
/// Runs work on a new background thread and hands its result back as a task. A generate is one
/// short process: the thread pool's first use costs the calling thread about 2 ms (the pool and
/// its first worker are set up), more than starting a thread.
/// </summary>
internal static class SpareThread
{
    /// <summary>Whether a second core is there to run the work; without one it is run where it is asked for.</summary>
    public static bool Available => System.Environment.ProcessorCount > 1;

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
