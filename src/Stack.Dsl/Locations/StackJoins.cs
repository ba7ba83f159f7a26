using System.Collections.Immutable;
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
/// </remarks>
internal sealed class StackJoins : IEquatable<StackJoins>
{
    private readonly ImmutableDictionary<Service, SourceLocation> joins;

    private StackJoins(ImmutableDictionary<Service, SourceLocation> joins) => this.joins = joins;

    public static StackJoins None { get; } = new(ImmutableDictionary.Create<Service, SourceLocation>(ReferenceEqualityComparer.Instance));

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
        var at = new SourceLocation(new Lazy<SourceLocation>(() => PortablePdbLines.Find(caller, offset) ?? SourceLocation.Unknown));
        var builder = joins.ToBuilder();
        foreach (var service in services)
        {
            builder.TryAdd(service, at);
        }

        return new StackJoins(builder.ToImmutable());
    }

    /// <summary>Where <paramref name="service"/> joined the stack; null when not known (a service an environment changed).</summary>
    public SourceLocation? Of(Service service) => joins.TryGetValue(service, out var at) && at.IsKnown ? at : null;

    public bool Equals(StackJoins? other) => other is not null;

    public override bool Equals(object? obj) => obj is StackJoins;

    public override int GetHashCode() => 0;
}
