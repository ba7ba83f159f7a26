using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>
/// Where the user's code called the helper that made a model object. Caller information gives the
/// line of <c>new Service(...)</c>; when that line is inside a helper with parameters
/// (<c>App(string name)</c>, used for several services), every service it makes would be reported
/// at that one line. The call stack at construction says who called the helper; its line is read
/// from the program's portable PDB only when a diagnostic needs it.
/// </summary>
/// <remarks>
/// A helper is a method or local function of the user's code with at least one parameter: what it
/// makes depends on its caller. Parameterless makers (a static field, a property, <c>Build()</c>)
/// make one thing each, and a lambda is written where it is used, so their own line is the right one. The walk goes up through helpers calling helpers and
/// stops at the first parameterless method, or at the last user frame before the library or the
/// framework (a LINQ lambda stays at its own line). Lines come from sequence points, so a call is
/// placed at the start of its statement.
/// </remarks>
internal sealed class HelperCallSite : IEquatable<HelperCallSite>
{
    private const int MaxFrames = 64;

    private static readonly Assembly Library = typeof(HelperCallSite).Assembly;
    private static readonly string RuntimeDirectory = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();

    // What each method seen on a stack is to the walk, decided once per method: asking the
    // reflection objects again (a copy of the parameters, the assembly's path as a new string)
    // for every frame of every service made was most of the walk's cost past the stack capture.
    private static readonly ConditionalWeakTable<MethodBase, FrameKind> Kinds = new();
    private static readonly ConditionalWeakTable<MethodBase, FrameKind>.CreateValueCallback Classify = FrameKind.Of;

    private readonly MethodBase[] helpers;
    private readonly SourceLocation made;
    private readonly MethodBase method;
    private readonly int ilOffset;

    // Made when first read: most objects never have their place shown.
    private DeferredLocation? location;

    private HelperCallSite(MethodBase[] helpers, SourceLocation made, MethodBase method, int ilOffset)
    {
        this.helpers = helpers;
        this.made = made;
        this.method = method;
        this.ilOffset = ilOffset;
    }

    /// <summary>
    /// Whether <paramref name="location"/> (a DSL call's caller information) lies inside one of the
    /// helpers between the <c>new Service(...)</c> and the user's call: a value written there is
    /// reported at that call, as the service is. Read from symbols, only when a finding needs it.
    /// </summary>
    public bool Holds(SourceLocation location) =>
        Array.Exists(helpers, h => PortablePdbLines.Spans(h, location));

    /// <summary>
    /// The call site's file and line, read when first shown; the place the object was made when
    /// it cannot be read (no symbols beside the program) or when the helper forwarded its own
    /// caller information (then that already names the caller's line).
    /// </summary>
    public SourceLocation Location =>
        new(Volatile.Read(ref location) ?? Interlocked.CompareExchange(ref location, new DeferredLocation(Find), null) ?? location);

    /// <summary>
    /// The user's call into the helper that is constructing a model object now, or null when it is
    /// not made by a helper (or no user frame can be seen).
    /// </summary>
    /// <param name="made">The caller information the object was constructed with.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static HelperCallSite? Capture(SourceLocation made)
    {
        var (frames, first) = CallerFrames();
        var callSite = -1;
        for (var i = first; i < frames.Length && i < first + MaxFrames; i++)
        {
            if (frames[i].GetMethod() is not { } frameMethod || Kinds.GetValue(frameMethod, Classify) is not { IsUser: true } kind)
            {
                break;
            }

            if (kind.EndsWalk)
            {
                if (i > first)
                {
                    callSite = i;
                }

                break;
            }

            if (i > first)
            {
                callSite = i;
            }
        }

        if (callSite < 0 || frames[callSite].GetMethod() is not { } caller)
        {
            return null;
        }

        var helpers = new MethodBase[callSite - first];
        for (var i = first; i < callSite; i++)
        {
            if (frames[i].GetMethod() is not { } frameMethod)
            {
                return null;
            }

            helpers[i - first] = frameMethod;
        }

        return new HelperCallSite(helpers, made, caller, frames[callSite].GetILOffset());
    }

    /// <summary>The call site's line from the symbols, when the helper's own lines hold the place it was made.</summary>
    private SourceLocation Find() =>
        (PortablePdbLines.Spans(Helper, made) ? PortablePdbLines.Find(method, ilOffset) : null) ?? made;

    /// <summary>The method that ran <c>new Service(...)</c>: the innermost helper.</summary>
    private MethodBase Helper => helpers[0];

    /// <summary>
    /// The call stack now, and the index of its first frame outside the library: the user's code
    /// that called into it (or the framework, for a lambda the framework runs).
    /// </summary>
    internal static (StackFrame[] Frames, int First) CallerFrames()
    {
        var frames = new StackTrace(1, fNeedFileInfo: false).GetFrames();
        var first = 0;
        while (first < frames.Length && frames[first].GetMethod() is { } m && m.Module.Assembly == Library)
        {
            first++;
        }

        return (frames, first);
    }

    public bool Equals(HelperCallSite? other) =>
        other is not null && Helper.Equals(other.Helper) && made.Equals(other.made) && method.Equals(other.method) && ilOffset == other.ilOffset;

    public override bool Equals(object? obj) => Equals(obj as HelperCallSite);

    public override int GetHashCode() => HashCode.Combine(Helper, made, method, ilOffset);

    // Roslyn names a lambda's method "<Outer>b__N_M" (a local function is "<Outer>g__Name|N_M").
    private static bool IsLambda(MethodBase method) => method.Name.Contains(">b__", StringComparison.Ordinal);

    internal static bool IsUserCode(MethodBase method) => Kinds.GetValue(method, Classify).IsUser;

    private static bool ReadIsUserCode(MethodBase method)
    {
        var assembly = method.Module.Assembly;
        if (assembly == Library)
        {
            return false;
        }

        var path = assembly.Location;
        return path.Length == 0 || !path.StartsWith(RuntimeDirectory, StringComparison.Ordinal);
    }

    /// <summary>What a method on the stack is to the walk: the user's code or not, and whether the walk stops at it.</summary>
    private sealed class FrameKind
    {
        private static readonly FrameKind Other = new(false, false);
        private static readonly FrameKind Helper = new(true, false);
        private static readonly FrameKind Maker = new(true, true);

        private FrameKind(bool isUser, bool endsWalk) => (IsUser, EndsWalk) = (isUser, endsWalk);

        public bool IsUser { get; }

        /// <summary>
        /// A parameterless maker is where the one service it makes is defined; a lambda is written
        /// where it matters (a LINQ selector, a table of cases), not reused by name; a constructor
        /// runs the class's field and property initializers, each its own place.
        /// </summary>
        public bool EndsWalk { get; }

        public static FrameKind Of(MethodBase method) =>
            !ReadIsUserCode(method) ? Other
            : method.GetParameters().Length == 0 || IsLambda(method) || method is ConstructorInfo ? Maker
            : Helper;
    }
}
