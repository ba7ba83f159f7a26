using Stack.Dsl.Generation;

namespace Stack.Dsl.Tests.Generation;

/// <summary>Parts of one piece of work taken by whichever thread is free: each runs once, results in the parts' order.</summary>
public sealed class SharedWorkTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 1)]
    [InlineData(25, 3)]
    public void Every_part_runs_once_and_results_come_back_in_order_whoever_ran_them(int count, int helpers)
    {
        var runs = new int[count];
        var parts = Enumerable.Range(0, count).Select(i => (Func<string>)(() =>
        {
            Interlocked.Increment(ref runs[i]);
            Thread.SpinWait(1000 * (count - i)); // Early parts slow: later ones finish first.
            return $"part {i}";
        })).ToArray();
        var work = new SharedWork<string>(parts);

        var threads = Enumerable.Range(0, helpers).Select(_ => new Thread(work.Help)).ToList();
        threads.ForEach(t => t.Start());
        var results = work.Results();
        threads.ForEach(t => t.Join());

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"part {i}"), results);
        Assert.All(runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void A_part_that_fails_on_a_helper_fails_the_owner_and_the_helper_does_not_throw()
    {
        var helped = new ManualResetEventSlim();
        var work = new SharedWork<string>([() => throw new InvalidOperationException("part 0 failed"), () => "part 1"]);

        var helper = new Thread(() =>
        {
            work.Help();
            helped.Set();
        });
        helper.Start();
        helper.Join();

        Assert.True(helped.IsSet);
        var failure = Assert.Throws<InvalidOperationException>(() => work.Results());
        Assert.Equal("part 0 failed", failure.Message);
    }
}
