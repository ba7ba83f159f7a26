using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation;

/// <summary>The networks and volumes a stack declares: those its services use plus any added explicitly.</summary>
internal static class StackResources
{
    /// <summary>Every network, one per name (the first seen), sorted by name.</summary>
    public static IReadOnlyList<Network> Networks(ComposeStack stack) =>
        AllNetworks(stack).DistinctBy(n => n.Name).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every volume, one per name (the first seen), sorted by name.</summary>
    public static IReadOnlyList<Volume> Volumes(ComposeStack stack) =>
        AllVolumes(stack).DistinctBy(v => v.Name).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();

    /// <summary>The name Docker gives a network or volume: its fixed name, else the key prefixed with the project name.</summary>
    public static string RealName(ComposeResource resource, string projectName) =>
        resource.ExternalName?.ToCompose() ?? (resource.External ? resource.Name : $"{projectName}_{resource.Name}");

    /// <summary>Every network object the stack refers to, duplicates included.</summary>
    public static IEnumerable<Network> AllNetworks(ComposeStack stack) =>
        stack.Services.SelectMany(s => s.Networks.Select(a => a.Network)).Concat(stack.ExtraNetworks);

    /// <summary>Every volume object the stack refers to, duplicates included.</summary>
    public static IEnumerable<Volume> AllVolumes(ComposeStack stack) =>
        stack.Services.SelectMany(s => s.Volumes.OfType<VolumeMount>().Select(m => m.Volume)).Concat(stack.ExtraVolumes);
}
