// netstandard2.0 lacks this marker type; records and init-only setters (the shared rule files use them) need it.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
