using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// The image a service value is built with, when it is a constant: follows a local, field or
/// property with one value and walks the call chain back to <c>new Service(...)</c>, taking the
/// last <c>WithImage("...")</c>. STK0219's message and fix name the image's known readiness probe with it.
/// </summary>
internal static class ServiceImage
{
    public static string? Of(IOperation value, SemanticModels models)
    {
        var values = new SourceValues(models);
        var current = ValueTracer.Unwrap(value);
        for (var step = 0; step < 32 && current is not null; step++)
        {
            switch (current)
            {
                case IInvocationOperation { TargetMethod.Name: "WithImage" } call when call.Arguments.Length > 0:
                    return Constant(call.Arguments[call.TargetMethod.IsExtensionMethod ? 1 : 0].Value);
                case IInvocationOperation call:
                    // A helper extension (.Internal()) or a DSL call: the receiver carries the image on.
                    current = ValueTracer.Unwrap(call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null));
                    break;
                case ILocalReferenceOperation local:
                    current = Single(values.Of(local.Local));
                    break;
                case IFieldReferenceOperation field:
                    current = Single(values.Of(field.Field));
                    break;
                case IPropertyReferenceOperation property:
                    current = Single(values.Of(property.Property));
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static IOperation? Single(IOperation[]? values) => values is { Length: 1 } ? ValueTracer.Unwrap(values[0]) : null;

    private static string? Constant(IOperation argument)
    {
        var operation = argument;
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand; // string to ComposeString is a user-defined conversion
        }

        return ValueTracer.ConstantString(operation, Bindings.None);
    }
}
