using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Validation.Locations.Origins;

/// <summary>
/// Found by reflection, not listed by hand: every type of the model a stack reaches that has a
/// name (what findings are about: services, routers, middlewares, entrypoints, resolvers,
/// variables, networks...) keeps where it was written, and every way to build one captures it
/// (caller information, or the call stack for a <c>params</c> constructor). A new named type, or a
/// new constructor without caller information, fails here.
/// </summary>
public sealed class EveryNamedValueHasALocationTests
{
    /// <summary>Named types whose findings belong to what holds them, each with the reason.</summary>
    private static readonly Dictionary<Type, string> Held = new()
    {
        [typeof(Stack.Dsl.Traefik.TraefikService)] = "a router's load balancer, written inside the router's WithService call; reported at the router",
        [typeof(Stack.Dsl.Compose.NetworkAttachment)] = "a service's use of a network; reported at the service",
        [typeof(Stack.Dsl.Compose.PortMapping)] = "a port a service publishes; reported at the WithPort call that added it (Sites)",
        [typeof(Stack.Dsl.Compose.FileGrant)] = "a service's grant of a secret or config; reported at the service, the secret or the config",
    };

    private static HashSet<Type> Reachable()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(ComposeStack)]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            // The subclasses of an abstract model type are reached through it (Middleware, Mount...).
            foreach (var sub in type.Assembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && t != type && type.IsAssignableFrom(t)))
            {
                queue.Enqueue(sub);
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var reached in Model(property.PropertyType))
                {
                    queue.Enqueue(reached);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<Type> Model(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner.IsGenericType && typeof(IEnumerable).IsAssignableFrom(inner))
        {
            return inner.GetGenericArguments().SelectMany(Model);
        }

        return inner.Assembly == typeof(ComposeStack).Assembly && inner.IsPublic && !inner.IsEnum && inner != typeof(SourceLocation) ? [inner] : [];
    }

    public static TheoryData<string> NamedTypes() =>
        [.. Reachable().Where(t => t.GetProperty("Name", BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(string) && !Held.ContainsKey(t)).Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_walk_reaches_the_values_built_apart_from_the_stack()
    {
        var names = Reachable().Select(t => t.FullName).ToList();
        Assert.Contains(typeof(Stack.Dsl.Traefik.ForwardAuthMiddleware).FullName, names);
        Assert.Contains(typeof(Stack.Dsl.Traefik.EntryPoint).FullName, names);
        Assert.Contains(typeof(Stack.Dsl.Traefik.CertResolver).FullName, names);
        Assert.Contains(typeof(Stack.Dsl.Values.Variable).FullName, names);
    }

    [Theory]
    [MemberData(nameof(NamedTypes))]
    public void A_named_value_keeps_where_it_was_written(string name)
    {
        var type = typeof(ComposeStack).Assembly.GetType(name)!;

        Assert.True(type.GetProperty("Location")?.PropertyType == typeof(SourceLocation), $"{name} has a name but no Location: a finding about it could not say where it was written.");
        if (type.IsAbstract)
        {
            return;
        }

        var makers = type.GetConstructors().Cast<MethodBase>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == type));
        Assert.All(makers, maker => Assert.True(
            maker.GetParameters().Any(p => p.GetCustomAttribute<CallerLineNumberAttribute>() is not null)
                || maker.GetParameters().LastOrDefault()?.GetCustomAttribute<ParamArrayAttribute>() is not null
                || maker.GetParameters().LastOrDefault()?.GetCustomAttributes().Any(a => a.GetType().Name == "ParamCollectionAttribute") == true
                || maker.GetParameters().Any(p => p.ParameterType == typeof(SourceLocation)),
            $"{name}'s {maker} takes no caller information: what it builds would have no location."));
    }
}
