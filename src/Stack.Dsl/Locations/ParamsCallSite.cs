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
/// the method, when exactly one does, else the statement's first line. A call inside a helper
/// (<c>Relaxed(this Service s) =&gt; s.WithSecurityOpt(...)</c>) is placed there, as caller
/// information places a <c>WithImage</c> written there (and the analyzer both).
/// </remarks>
internal static class ParamsCallSite
{
    /// <summary>The user's call of <paramref name="call"/> running now; unknown when no symbols say.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static SourceLocation Capture(string call)
    {
        var (frames, first) = HelperCallSite.CallerFrames();
        var at = first;
        if (at >= frames.Length || frames[at].GetMethod() is not { } user || !HelperCallSite.IsUserCode(user))
        {
            return SourceLocation.Unknown;
        }

        var offset = frames[at].GetILOffset();
        return new SourceLocation(new DeferredLocation(() => Resolve(user, offset, call)));
    }

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
