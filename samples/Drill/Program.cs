using Stack.Dsl.Cli;
using Stack.Samples.Drill;

return StackCli.Run(args, DrillStack.Build);
