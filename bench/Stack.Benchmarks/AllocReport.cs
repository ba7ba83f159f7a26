using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Stack.Benchmarks;

/// <summary>
/// `alloc-report FILE.nettrace`: the sampled allocations (AllocationTick, one per ~100 KB) of a
/// trace taken with `dotnet-trace collect --profile gc-verbose`, grouped by the innermost
/// Stack.Analyzers frame on the stack and by the frame it called: what the analyzers allocate,
/// counted the same on a loaded machine as on a quiet one.
/// </summary>
internal static class AllocReport
{
    public static int Run(string file)
    {
        using var log = TraceLog.OpenOrConvert(TraceLog.CreateFromEventPipeDataFile(file));
        var byFrame = new Dictionary<string, double>();
        double total = 0, analyzers = 0;
        foreach (var e in log.Events)
        {
            if (e is not GCAllocationTickTraceData tick)
            {
                continue;
            }

            total += tick.AllocationAmount64;
            var frames = new List<string>();
            for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
            {
                frames.Add(frame.CodeAddress.FullMethodName ?? "?");
            }

            var inner = frames.FindIndex(f => f.StartsWith("Stack.Analyzers.", StringComparison.Ordinal));
            if (inner < 0)
            {
                continue;
            }

            analyzers += tick.AllocationAmount64;
            var key = $"{Short(frames[inner])} -> {(inner > 0 ? Short(frames[inner - 1]) : "(self)")} [{tick.TypeName}]";
            byFrame[key] = byFrame.GetValueOrDefault(key) + tick.AllocationAmount64;
        }

        Console.WriteLine($"sampled allocations: {total / 1e6:F0} MB, under a Stack.Analyzers frame: {analyzers / 1e6:F0} MB");
        foreach (var (key, amount) in byFrame.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine($"{100 * amount / analyzers,5:F1}% {key}");
        }

        return 0;
    }

    private static string Short(string method)
    {
        var paren = method.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? method : method[..paren];
        return name.Length > 90 ? name[^90..] : name;
    }
}
