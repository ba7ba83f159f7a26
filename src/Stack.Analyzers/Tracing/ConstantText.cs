using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// Text the compiler does not fold but the program always builds the same: a concatenation or an
/// interpolation whose parts are constants or a helper's parameters bound to constants
/// (<c>prefix + "_PASSWORD"</c>, <c>$"{Repo}:{Tag}"</c> through ComposeString's interpolation handler,
/// <c>prefix.ToLowerInvariant()</c>).
/// A part with an alignment or a format, or any other value, makes the whole unknown (null).
/// </summary>
internal static class ConstantText
{
    public static string? Of(IOperation? operation, Bindings scope) => operation switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary
            when Part(binary.LeftOperand, scope) is { } left && Part(binary.RightOperand, scope) is { } right => left + right,
        IInterpolatedStringHandlerCreationOperation handler => Of(handler.Content, scope),
        IInterpolatedStringOperation interpolated => Interpolated(interpolated, scope),
        // name.ToLowerInvariant(): a service named after its variable's prefix.
        IInvocationOperation { TargetMethod: { Name: "ToLowerInvariant" or "ToUpperInvariant", ContainingType.SpecialType: SpecialType.System_String } call, Arguments.Length: 0 } invocation
            when ValueTracer.ConstantString(invocation.Instance, scope) is { } text => call.Name == "ToLowerInvariant" ? text.ToLowerInvariant() : text.ToUpperInvariant(),
        _ => null,
    };

    private static string? Interpolated(IInterpolatedStringOperation interpolated, Bindings scope)
    {
        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            var value = part switch
            {
                IInterpolatedStringTextOperation literal => literal.Text.ConstantValue.Value as string,
                IInterpolationOperation { Alignment: null, FormatString: null } hole => Part(hole.Expression, scope),
                // ComposeString's handler: AppendLiteral("...") and AppendFormatted(value), one argument each.
                IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: 1 } call } => Part(call.Arguments[0].Value, scope),
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            text.Append(value);
        }

        return text.ToString();
    }

    /// <summary>One part: text, or a whole number or character as C# writes it into a string.</summary>
    private static string? Part(IOperation operation, Bindings scope)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand; // to object, to ComposeString
        }

        return operation.ConstantValue switch
        {
            { HasValue: true, Value: char c } => c.ToString(),
            { HasValue: true, Value: int or long or short or byte or uint or ulong or ushort or sbyte } number => System.Convert.ToString(number.Value, CultureInfo.InvariantCulture),
            _ => ValueTracer.ConstantString(operation, scope),
        };
    }
}
