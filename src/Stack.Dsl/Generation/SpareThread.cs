using System.Runtime.ExceptionServices;

namespace Stack.Dsl.Generation;

/// <summary>
/// Runs work on a new background thread and hands its result back (<see cref="SpareWork{T}"/>).
/// A generate is one short process: the thread pool's first use costs the calling thread about
/// 2 ms (the pool and its first worker are set up), more than starting a thread; and waiting on a
/// task that is not done yet sets the pool up too (<c>Task.Wait</c> tells the pool a thread
/// blocks), so the waiting is a join of the thread, not a task's.
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
            odd.WaitUntilDone();
            throw;
        }

        _ = odd.Result;
    }

    /// <summary>Starts <paramref name="work"/> on a new background thread.</summary>
    public static SpareWork<T> Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = new SpareWork<T>();
        result.Start(work);
        return result;
    }
}

/// <summary>Work running on a spare thread: its result, or its failure rethrown, once the thread is done.</summary>
internal sealed class SpareWork<T>
{
    private Thread? thread;
    private T? value;
    private ExceptionDispatchInfo? failure;

    /// <summary>Work already done on the calling thread (no second core to run it on).</summary>
    public static SpareWork<T> Done(T value) => new() { value = value };

    /// <summary>Whether the thread has finished.</summary>
    public bool IsCompleted => thread is not { IsAlive: true };

    /// <summary>The work's result, waiting for it; the work's exception is rethrown here, as thrown.</summary>
    public T Result
    {
        get
        {
            WaitUntilDone();
            failure?.Throw();
            return value!;
        }
    }

    /// <summary>Waits for the thread without observing its result.</summary>
    public void WaitUntilDone() => thread?.Join();

    internal void Start(Func<T> work)
    {
        thread = new Thread(() =>
        {
            try
            {
                value = work();
            }
#pragma warning disable CA1031 // Handed to whoever asks for the result, which rethrows it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
    }
}
