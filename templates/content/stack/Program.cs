using MyStack;
using Stack.Dsl.Cli;

return StackCli.Run(args, Definition.Build);
