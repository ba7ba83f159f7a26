using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>
/// Where each service joined the stack (the user's <c>WithServices(...)</c> statement), shown
/// beside a finding reported at the call that caused it. <c>WithServices</c> takes
/// <c>params</c>, so it cannot take caller information: the call stack says which user method
/// called it, and that method's symbols give the line, read only when a finding shows it.
/// </summary>
/// <remarks>
/// Lines come from sequence points, so the place is the start of the statement holding the call.
/// Not part of the stack's equality: where a service was added is not what the stack is.
/// Each call is one node of a chain, indexed only when a finding asks: most runs report nothing,
/// and an immutable dictionary rebuilt per call cost start-up time (type loads, JIT) every run.
/// </remarks>
internal sealed class StackJoins : IEquatable<StackJoins>
{
    private readonly Join? last;
    private Dictionary<Service, DeferredLocation>? index;

    private StackJoins(Join? last) => this.last = last;

    public static StackJoins None { get; } = new(null);

    /// <summary>These services joined at the user's statement calling into the library now.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public StackJoins Add(IReadOnlyList<Service> services)
    {
        var (frames, first) = HelperCallSite.CallerFrames();
        if (first >= frames.Length || frames[first].GetMethod() is not { } caller)
        {
            return this;
        }

        var offset = frames[first].GetILOffset();
        var at = new DeferredLocation(() => PortablePdbLines.Find(caller, offset) ?? SourceLocation.Unknown);
        return new StackJoins(new Join([.. services], at, last));
    }

    /// <summary>
    /// Where <paramref name="service"/> first joined the stack; null for a service that did not
    /// (one an environment changed). Read from the symbols only when shown, so a finding's
    /// place is looked up by whoever prints it, not by the rule that finds it; unknown when the
    /// symbols do not say (<see cref="Validation.StackDiagnostic.Describe"/> then leaves it out).
    /// </summary>
    public SourceLocation? Of(Service service)
    {
        var joined = Volatile.Read(ref index) ?? Interlocked.CompareExchange(ref index, Index(), null) ?? index;
        return joined.TryGetValue(service, out var deferred) ? new SourceLocation(deferred) : null;
    }

    public bool Equals(StackJoins? other) => other is not null;

    public override bool Equals(object? obj) => obj is StackJoins;

    public override int GetHashCode() => 0;

    private Dictionary<Service, DeferredLocation> Index()
    {
        var joins = new Stack<Join>();
        for (var join = last; join is not null; join = join.Previous)
        {
            joins.Push(join);
        }

        var built = new Dictionary<Service, DeferredLocation>(ReferenceEqualityComparer.Instance);
        foreach (var join in joins)
        {
            foreach (var service in join.Services)
            {
                built.TryAdd(service, join.At);
            }
        }

        return built;
    }

    private sealed record Join(Service[] Services, DeferredLocation At, Join? Previous);
}
