using System.Net;
using CsCheck;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Tests.PropertyBased;

namespace Stack.Dsl.Tests.Environments;

/// <summary>CsCheck generators of environments: each a few random changes to a valid stack, keeping it valid.</summary>
internal static class EnvironmentGenerators
{
    private static readonly RestartPolicy[] Restarts = [RestartPolicy.Always, RestartPolicy.UnlessStopped, RestartPolicy.No];

    /// <summary>One change to one service (picked by index) or to the stack.</summary>
    private static readonly Gen<Func<ComposeStack, ComposeStack>> Change =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 5], StackGenerators.Text, Gen.Int[0, 2])
            .Select((kind, pick, text, choice) => (Func<ComposeStack, ComposeStack>)(stack =>
            {
                var target = stack.Services[pick % stack.Services.Length];
                return kind switch
                {
                    0 => stack.MapService(target, s => s.WithRestart(Restarts[choice])),
                    1 => stack.MapService(target, s => s.WithEnvironment("ENV_" + choice, text)),
                    2 => stack.MapService(target, s => s.WithLabel("env.label" + choice, text)),
                    // A host address of its own, so no two services clash (STK0208).
                    3 => stack.MapService(target, s => s.MapPorts(p => p with { HostIp = IPAddress.Parse($"127.0.{choice + 1}.{(pick % stack.Services.Length) + 1}") })),
                    4 => stack.MapService(target, s => s.WithImage($"example/other:{choice}.0")),
                    5 => stack.MapService(target, s => s.WithCommand("run", text)),
                    // Services depend only on earlier ones, so the last can go.
                    6 when stack.Services.Length > 1 => stack with { Services = stack.Services.RemoveAt(stack.Services.Length - 1) },
                    // Removals: the override cannot delete a key, so the base must not hold it (issue 10 section 6).
                    8 => stack.MapService(target, s => s with { Healthcheck = null }),
                    9 => stack.MapService(target, s => s.MapPorts(_ => null)),
                    10 => stack.MapService(target, s => s with { Labels = s.Labels.Clear() }),
                    11 => stack.MapService(target, s => s with { Environment = s.Environment.Clear() }),
                    12 => stack.MapService(target, s => s with { Command = null, Dependencies = [] }),
                    _ => stack.WithServices(new Service($"extra{choice}").WithImage("example/extra:1.0").WithRestart(RestartPolicy.No).WithNetworks(new Network("extra"))),
                };
            }));

    /// <summary>A stack with one to three environments, each of zero to four changes.</summary>
    public static readonly Gen<ComposeStack> StackWithEnvironments =
        Gen.Select(StackGenerators.Stack, Change.Array[0, 4].Array[1, 3])
            .Select((stack, environments) => stack.WithEnvironments(environments.Select((changes, i) =>
                new StackEnvironment($"e{i}", s => changes.Aggregate(s, (current, change) => change(current))))));
}
