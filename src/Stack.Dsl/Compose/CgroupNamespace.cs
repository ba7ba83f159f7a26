namespace Stack.Dsl.Compose;

/// <summary>The cgroup namespace a container runs in (<c>cgroup:</c>).</summary>
public enum CgroupNamespace
{
    /// <summary>Its own namespace (the default on cgroup v2 hosts).</summary>
    Private,

    /// <summary>The host's namespace: the container sees the host's cgroup tree.</summary>
    Host,
}
