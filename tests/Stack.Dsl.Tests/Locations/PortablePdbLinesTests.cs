using System.Reflection;
using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Tests.Locations;

public sealed class PortablePdbLinesTests
{
    private static readonly int MarkerLine = Marker();

    /// <summary>
    /// The symbol reader is cached per module; what owns its memory must live as long. It did not:
    /// after a garbage collection a read failed and a helper's call site fell back to the helper.
    /// </summary>
    [Fact]
    public void A_line_reads_the_same_after_garbage_collections()
    {
        var method = typeof(PortablePdbLinesTests).GetMethod(nameof(Marker), BindingFlags.NonPublic | BindingFlags.Static)!;
        var before = PortablePdbLines.Find(method, 0);
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var after = PortablePdbLines.Find(method, 0);

        Assert.Equal(MarkerLine - 1, before?.Line); // the method's opening brace, its first sequence point
        Assert.Equal(before, after);
    }

    private static int Marker()
    {
        return Line();
    }

    private static int Line([CallerLineNumber] int line = 0) => line;
}
