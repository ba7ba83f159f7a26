using System.Runtime.ExceptionServices;

namespace Stack.Dsl.Generation;

/// <summary>
/// Independent parts of one piece of work, each run by whichever thread takes it first: the
/// thread that owns the work and any idle thread it is offered to (<see cref="Help"/>). Results
/// come back in the parts' order, whoever ran them, so the output does not depend on who helped.
/// </summary>
internal sealed class SharedWork<T>
    where T : class
{
    private readonly Func<T>[] parts;
    private readonly T?[] results;
    private readonly ExceptionDispatchInfo?[] failures;
    private readonly object gate = new();
    private int next = -1;
    private int finished;

    public SharedWork(Func<T>[] parts)
    {
        this.parts = parts;
        results = new T?[parts.Length];
        failures = new ExceptionDispatchInfo?[parts.Length];
    }

    /// <summary>Runs parts not yet taken until none is left; never throws (a failure is the owner's, in <see cref="Results"/>).</summary>
    public void Help()
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < parts.Length)
        {
            try
            {
                results[index] = parts[index]();
            }
#pragma warning disable CA1031 // Rethrown to the owner by Results().
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures[index] = ExceptionDispatchInfo.Capture(exception);
            }

            lock (gate)
            {
                if (++finished == parts.Length)
                {
                    Monitor.PulseAll(gate);
                }
            }
        }
    }

    /// <summary>Helps, waits until every part has run, and returns their results in order (rethrows the first part's failure).</summary>
    public T[] Results()
    {
        Help();
        lock (gate)
        {
            while (finished < parts.Length)
            {
                Monitor.Wait(gate);
            }
        }

        foreach (var failure in failures)
        {
            failure?.Throw();
        }

        return results!;
    }
}
