using Stack.Dsl.Compose;
using Stack.Dsl.Generation;

namespace Stack.Dsl.Validation;

/// <summary>Validation's view of the stack's networks and volumes: every distinct object, not one per name.</summary>
internal static class StackResourcesOf
{
    public static IEnumerable<Network> Networks(ComposeStack stack) => StackResources.AllNetworks(stack).Distinct();

    public static IEnumerable<Volume> Volumes(ComposeStack stack) => StackResources.AllVolumes(stack).Distinct();
}
