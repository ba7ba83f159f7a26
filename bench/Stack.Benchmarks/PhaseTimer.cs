using System.Diagnostics;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Validation;

namespace Stack.Benchmarks;

/// <summary>Times the generator's phases one by one, to find which one grows faster than the stack.</summary>
internal static class PhaseTimer
{
    public static string Measure(ComposeStack stack)
    {
        var options = new GenerationOptions { ProjectDirectoryFromOutput = "." };
        var perService = 1024.0 * stack.Services.Length;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        StackValidator.Validate(stack);
        var validate = (clock.Elapsed, (GC.GetAllocatedBytesForCurrentThread() - allocated) / perService);

        allocated = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        var document = ComposeDocument.Build(stack, options);
        var build = (clock.Elapsed, (GC.GetAllocatedBytesForCurrentThread() - allocated) / perService);

        allocated = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        Stack.Dsl.Yaml.YamlWriter.Write(document, []);
        var write = (clock.Elapsed, (GC.GetAllocatedBytesForCurrentThread() - allocated) / perService);
        static string Format((TimeSpan Time, double KiBPerService) phase) => $"{phase.Time.TotalMilliseconds:F0} ms ({phase.KiBPerService:F1} KiB/service)";
        return $"{stack.Services.Length} services: validate {Format(validate)}, document {Format(build)}, write {Format(write)}";
    }
}
