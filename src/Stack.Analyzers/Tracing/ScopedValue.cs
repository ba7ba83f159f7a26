using Microsoft.CodeAnalysis;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// A value with the helper bindings to evaluate it in: an element of a collection a helper was
/// passed is read in that helper's scope. A class, not a tuple: generic code over a value type is
/// compiled afresh in every build that loads the analyzer.
/// </summary>
internal sealed record ScopedValue(IOperation Value, Bindings Scope);
