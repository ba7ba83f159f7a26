using System.Reflection;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Locations;

/// <summary>
/// Where the user's code called a DSL method that takes <c>params</c> (<c>WithCapAdd</c>,
/// <c>WithSecurityOpt</c>): such a method cannot also take caller information, so the call stack
/// says which user method made the call, and that method's symbols give the statement, read only
/// when a finding shows it.
/// </summary>
/// <remarks>
/// A statement may span lines (a fluent chain); the call's own line is the one of them that names
/// the method, when exactly one does, else the statement's first line. A call inside a helper with
/// parameters (<c>Relaxed(this Service s) =&gt; s.WithSecurityOpt(...)</c>) is placed at the user's
/// call of the helper, as <see cref="HelperCallSite"/> places a service the helper makes.
/// </remarks>
internal static class ParamsCallSite
{
    /// <summary>The user's call of <paramref name="call"/> running now; unknown when no symbols say.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static SourceLocation Capture(string call)
    {
        var (frames, first) = HelperCallSite.CallerFrames();
        var at = first;
        var name = call;
        for (var i = first; i < frames.Length - 1 && frames[i].GetMethod() is { } method && IsHelper(method); i++)
        {
            // A helper: its caller is where the value is chosen, if that caller is the user's too.
            if (frames[i + 1].GetMethod() is not { } caller || caller.Module.Assembly != method.Module.Assembly)
            {
                break;
            }

            at = i + 1;
            name = method.Name;
        }

        if (at >= frames.Length || frames[at].GetMethod() is not { } user || !HelperCallSite.IsUserCode(user))
        {
            return SourceLocation.Unknown;
        }

        var offset = frames[at].GetILOffset();
        return new SourceLocation(new DeferredLocation(() => Resolve(user, offset, name)));
    }

    private static bool IsHelper(MethodBase method) =>
        method.GetParameters().Length > 0 && method is not ConstructorInfo && !method.Name.Contains(">b__", StringComparison.Ordinal);

    private static SourceLocation Resolve(MethodBase method, int offset, string call)
    {
        if (PortablePdbLines.Statement(method, offset) is not { } statement)
        {
            return SourceLocation.Unknown;
        }

        try
        {
            if (statement.EndLine > statement.StartLine && File.Exists(statement.File))
            {
                var naming = -1;
                var number = 0;
                foreach (var text in File.ReadLines(statement.File))
                {
                    number++;
                    if (number > statement.EndLine)
                    {
                        break;
                    }

                    if (number >= statement.StartLine && text.Contains(call + "(", StringComparison.Ordinal))
                    {
                        naming = naming < 0 ? number : int.MaxValue;
                    }
                }

                if (naming > 0 && naming != int.MaxValue)
                {
                    return new SourceLocation(statement.File, naming);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The source is not readable here: the statement's first line still says where.
        }

        return new SourceLocation(statement.File, statement.StartLine);
    }
}
