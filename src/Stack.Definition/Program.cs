using Stack.Definition;
using Stack.Dsl.Cli;

return StackCli.Run(args, ReferenceStack.Build);
