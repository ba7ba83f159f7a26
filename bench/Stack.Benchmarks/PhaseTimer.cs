using System.Diagnostics;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Validation;
using Stack.Dsl.Yaml;

namespace Stack.Benchmarks;

/// <summary>Times and weighs the generator's two phases, to find which one grows faster than the stack.</summary>
internal static class PhaseTimer
{
    public static string Measure(ComposeStack stack)
    {
        var options = new GenerationOptions { ProjectDirectoryFromOutput = "." };
        var validate = Phase(stack, () => StackValidator.Validate(stack));

        // Services are built as the writer reaches them, so building and writing are one phase.
        var emit = Phase(stack, () => YamlWriter.Write(ComposeDocument.Build(stack, options), []));
        return $"{stack.Services.Length} services: validate {validate}, build and write {emit}";
    }

    private static string Phase(ComposeStack stack, Action run)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        run();
        var perService = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (1024.0 * stack.Services.Length);
        return $"{clock.Elapsed.TotalMilliseconds:F0} ms ({perService:F1} KiB/service)";
    }
}
