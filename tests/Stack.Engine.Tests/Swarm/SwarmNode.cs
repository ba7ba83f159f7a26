using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// A one-node swarm for the tests of this collection: an active one is used as it is; otherwise
/// one is initialised (<c>--advertise-addr 127.0.0.1</c>) and left again at the end, so the
/// engine is as it was. Run the tests inside <c>flock /tmp/stack-engine.lock</c>: the swarm is
/// the whole engine's state, not this process's.
/// </summary>
public sealed class SwarmNode : IDisposable
{
    private bool _created;

    /// <summary>Makes sure a swarm is active (the engine's availability is <see cref="DockerEngine.Require"/>'s to check).</summary>
    public void Ensure()
    {
        if (State() == "active")
        {
            return;
        }

        DockerEngine.DockerOk("swarm", "init", "--advertise-addr", "127.0.0.1");
        _created = true;
    }

    public void Dispose()
    {
        if (_created)
        {
            DockerEngine.Docker(["swarm", "leave", "--force"]);
        }
    }

    private static string State() => DockerEngine.Docker(["info", "--format", "{{.Swarm.LocalNodeState}}"]).Output.Trim();
}

/// <summary>The tests that need a swarm share one node.</summary>
[CollectionDefinition(Name)]
public sealed class SwarmCollection : ICollectionFixture<SwarmNode>
{
    public const string Name = "Swarm";
}
