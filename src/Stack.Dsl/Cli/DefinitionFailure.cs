using System.Diagnostics;
using System.Reflection;
using Stack.Rules;

namespace Stack.Dsl.Cli;

/// <summary>
/// Turns an exception thrown while the definition was being built into one MSBuild-style line
/// that points at the user's C# call, instead of a stack trace.
/// </summary>
internal static class DefinitionFailure
{
    public static string Describe(Exception exception)
    {
        var inner = Unwrap(exception);
        var location = UserFrame(inner);
        var where = location is { } l ? (l.Column > 0 ? $"{l.File}({l.Line},{l.Column}): " : $"{l.File}({l.Line}): ") : string.Empty;

        // One diagnostic, on one line: MSBuild's format reads any line holding "error CODE:" as an
        // error, indented or not, so a message's further lines are joined to the first.
        var message = string.Join(" | ", WithoutParameterSuffix(inner).Split(["\r\n", "\n", "\r"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return inner is ArgumentException
            ? $"{where}error {RuleIds.InvalidArgument}: {message}"
            : $"{where}error {RuleIds.InvalidArgument}: building the definition failed with {inner.GetType().Name}: {message}";
    }

    /// <summary>
    /// The message without the " (Parameter 'key')" .NET appends to an ArgumentException's: the
    /// line already points at the call, and the parameter's name is the library's, not the user's.
    /// </summary>
    internal static string WithoutParameterSuffix(Exception exception)
    {
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { } parameter })
        {
            var suffix = $" (Parameter '{parameter}')";
            var at = message.LastIndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0)
            {
                // ArgumentOutOfRangeException adds "Actual value was X." after it: the messages name the value already.
                message = exception is ArgumentOutOfRangeException ? message[..at] : message.Remove(at, suffix.Length);
            }
        }

        return message;
    }

    /// <summary>Static field initializers wrap the real error in a TypeInitializationException.</summary>
    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (current is TypeInitializationException or TargetInvocationException && current.InnerException is { } inner)
        {
            current = inner;
        }

        return current;
    }

    /// <summary>The first frame with a source file outside this library: the user's DSL call.</summary>
    private static (string File, int Line, int Column)? UserFrame(Exception exception)
    {
        var dsl = typeof(DefinitionFailure).Assembly;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var file = frame.GetFileName();
            if (file is not null && method?.DeclaringType?.Assembly != dsl && method?.DeclaringType?.Assembly != typeof(object).Assembly)
            {
                return (file, frame.GetFileLineNumber(), frame.GetFileColumnNumber());
            }
        }

        return null;
    }
}
