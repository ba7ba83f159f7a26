using Stack.Definition;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;

return StackCli.Run(args, () => ReferenceStack.Build().MapServices(Accepted));

// Every difference the reference meets on Swarm (STK0503-STK0506), accepted: nothing to report.
static Service Accepted(Service service) => service
    .AcceptOnSwarm(SwarmDifference.DroppedSetting, "bench: a Swarm-clean stack")
    .AcceptOnSwarm(SwarmDifference.IgnoredWait, "bench: a Swarm-clean stack")
    .AcceptOnSwarm(SwarmDifference.VolumeNotPinned, "bench: a Swarm-clean stack")
    .AcceptOnSwarm(SwarmDifference.BackupRunnerNotPinned, "bench: a Swarm-clean stack");
