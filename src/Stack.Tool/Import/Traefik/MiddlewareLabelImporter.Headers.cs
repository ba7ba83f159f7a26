using System.Globalization;
using Stack.Dsl.Traefik;

namespace Stack.Tool.Import;

/// <summary>A headers middleware read from labels: each option a property of <see cref="HeadersMiddleware"/>, custom headers by name.</summary>
internal static partial class MiddlewareLabelImporter
{
    /// <summary>A headers middleware's options: each a property of <see cref="HeadersMiddleware"/>, with how it reads and writes.</summary>
    private static (Middleware Model, string Code)? Headers(string name, Dictionary<string, string> options)
    {
        var model = new HeadersMiddleware(name);
        var init = new List<string>();
        var headers = new List<string>();
        foreach (var (key, value) in options)
        {
            var option = key["headers.".Length..];
            if (option.Split('.', 2) is [var map and ("customrequestheaders" or "customresponseheaders"), var header])
            {
                var request = map == "customrequestheaders";
                model = request ? model.WithRequestHeader(header, value) : model.WithResponseHeader(header, value);
                headers.Add($".With{(request ? "Request" : "Response")}Header({CSharpCode.Literal(header)}, {CSharpCode.Literal(value)})");
                continue;
            }

            bool? flag = bool.TryParse(value, out var parsed) ? parsed : null;
            long? number = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            var list = List(value);
            string Flag() => flag is { } f ? (f ? "true" : "false") : throw new FormatException();
            string Number() => number is { } v ? CSharpCode.Number(v) : throw new FormatException();
            string Strings() => $"[{string.Join(", ", list.Select(CSharpCode.Literal))}]";
            try
            {
                (model, var line) = option switch
                {
                    "stsseconds" => (model with { StsSeconds = number ?? throw new FormatException() }, $"StsSeconds = {Number()}"),
                    "stsincludesubdomains" => (model with { StsIncludeSubdomains = flag ?? throw new FormatException() }, $"StsIncludeSubdomains = {Flag()}"),
                    "stspreload" => (model with { StsPreload = flag ?? throw new FormatException() }, $"StsPreload = {Flag()}"),
                    "forcestsheader" => (model with { ForceStsHeader = flag ?? throw new FormatException() }, $"ForceStsHeader = {Flag()}"),
                    "framedeny" => (model with { FrameDeny = flag ?? throw new FormatException() }, $"FrameDeny = {Flag()}"),
                    "contenttypenosniff" => (model with { ContentTypeNosniff = flag ?? throw new FormatException() }, $"ContentTypeNosniff = {Flag()}"),
                    "browserxssfilter" => (model with { BrowserXssFilter = flag ?? throw new FormatException() }, $"BrowserXssFilter = {Flag()}"),
                    "accesscontrolallowcredentials" => (model with { AccessControlAllowCredentials = flag ?? throw new FormatException() }, $"AccessControlAllowCredentials = {Flag()}"),
                    "addvaryheader" => (model with { AddVaryHeader = flag ?? throw new FormatException() }, $"AddVaryHeader = {Flag()}"),
                    "accesscontrolmaxage" => (model with { AccessControlMaxAge = number ?? throw new FormatException() }, $"AccessControlMaxAge = {Number()}"),
                    "customframeoptionsvalue" => (model with { CustomFrameOptionsValue = value }, $"CustomFrameOptionsValue = {CSharpCode.Literal(value)}"),
                    "referrerpolicy" => (model with { ReferrerPolicy = value }, $"ReferrerPolicy = {CSharpCode.Literal(value)}"),
                    "contentsecuritypolicy" => (model with { ContentSecurityPolicy = value }, $"ContentSecurityPolicy = {CSharpCode.Literal(value)}"),
                    "permissionspolicy" => (model with { PermissionsPolicy = value }, $"PermissionsPolicy = {CSharpCode.Literal(value)}"),
                    "accesscontrolalloworiginlist" => (model with { AccessControlAllowOriginList = [.. list] }, $"AccessControlAllowOriginList = {Strings()}"),
                    "accesscontrolallowmethods" => (model with { AccessControlAllowMethods = [.. list] }, $"AccessControlAllowMethods = {Strings()}"),
                    "accesscontrolallowheaders" => (model with { AccessControlAllowHeaders = [.. list] }, $"AccessControlAllowHeaders = {Strings()}"),
                    _ => throw new FormatException(),
                };
                init.Add(line);
            }
            catch (FormatException)
            {
                // Custom headers, and whatever else: the definition stays labels.
                return null;
            }
        }

        return init.Count + headers.Count == 0 || options.Values.Any(v => v.Contains('$', StringComparison.Ordinal))
            ? null
            : (model.ViaDockerLabels(), $"new HeadersMiddleware({CSharpCode.Literal(name)}){(init.Count > 0 ? $" {{ {string.Join(", ", init)} }}" : string.Empty)}{string.Concat(headers)}.ViaDockerLabels()");
    }
}
