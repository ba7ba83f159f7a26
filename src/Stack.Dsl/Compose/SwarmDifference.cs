namespace Stack.Dsl.Compose;

/// <summary>
/// A difference of Swarm a service may accept with a reason (<see cref="Service.AcceptOnSwarm"/>):
/// each value is one Swarm warning (STK0503-STK0506), where the service runs on Swarm, only
/// differently from Compose. What Swarm refuses, or runs with other privileges than the
/// definition says (STK0500-STK0502, STK0507, STK0508, STK0540), is an error and cannot be accepted.
/// </summary>
public enum SwarmDifference
{
    /// <summary>STK0503: a setting Swarm drops (container_name, build beside an image, domainname, mac_address).</summary>
    DroppedSetting,

    /// <summary>STK0504: a depends_on wait Swarm does not honour.</summary>
    IgnoredWait,

    /// <summary>STK0505: a node-local volume on a service not pinned to a node.</summary>
    VolumeNotPinned,

    /// <summary>STK0506: the backup runner is not pinned to the node it backs up (accepted on the runner).</summary>
    BackupRunnerNotPinned,
}
