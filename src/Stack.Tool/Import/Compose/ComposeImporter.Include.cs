using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>
/// <c>include:</c> followed as Compose follows it: each included file is read from its own folder
/// (its relative paths rebased onto the including file's), its own includes and extends expanded,
/// and its services, networks and volumes added as <c>-f</c> would add them (a service defined twice
/// is an error, as Compose's include makes it).
/// </summary>
internal static partial class ComposeImporter
{
    private const int MaxIncludeDepth = 16;

    /// <summary>The roots <paramref name="including"/>'s include: names, each with its path; the include key is removed.</summary>
    private static List<(string File, YamlMappingNode Root)> Included(string file, YamlMappingNode including, List<ImportError> errors, int depth = 0)
    {
        var roots = new List<(string File, YamlMappingNode Root)>();
        var include = including.Children[new YamlScalarNode("include")];
        including.Children.Remove(new YamlScalarNode("include"));
        if (depth > MaxIncludeDepth)
        {
            errors.Add(new ImportError(file, include.Start, $"include: goes more than {MaxIncludeDepth} files deep (a cycle?); compose refuses a cycle."));
            return roots;
        }

        foreach (var (path, at) in IncludedPaths(file, include, errors))
        {
            var included = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, path);
            if (!File.Exists(included))
            {
                errors.Add(new ImportError(file, at, $"include: names {path}, which does not exist beside {Path.GetFileName(file)}; import from the folder compose reads it from."));
                continue;
            }

            try
            {
                var root = ReadRoot(included);
                if (root.Children.ContainsKey(new YamlScalarNode("include")))
                {
                    // Its own includes come rebased onto its folder: rebase them once more, onto this file's.
                    foreach (var (inner, innerRoot) in Included(included, root, errors, depth + 1))
                    {
                        RelativePaths.Rebase(innerRoot, RelativePaths.FolderOf(included, file));
                        roots.Add((inner, innerRoot));
                    }
                }

                ServiceExtension.Expand(included, root, ReadRoot);
                RelativePaths.Rebase(root, RelativePaths.FolderOf(included, file));

                // The project's name is the including file's; an included file's own is not read.
                root.Children.Remove(new YamlScalarNode("name"));
                root.Children.Remove(new YamlScalarNode("version"));
                if (root.Children.ContainsKey(new YamlScalarNode("services")))
                {
                    roots.Add((included, root));
                }
            }
            catch (ImportRefusal refusal)
            {
                errors.Add(new ImportError(included, refusal.At, refusal.Message));
            }
            catch (YamlException invalid)
            {
                errors.Add(new ImportError(included, invalid.Start, $"the YAML does not parse: {invalid.Message}"));
            }
        }

        return roots;
    }

    /// <summary>include:'s paths: a list of paths, or of mappings with path: (one or a list); project_directory and env_file are refused, at their line.</summary>
    private static IEnumerable<(string Path, Mark At)> IncludedPaths(string file, YamlNode include, List<ImportError> errors)
    {
        foreach (var item in include is YamlSequenceNode list ? list.Children : [include])
        {
            switch (item)
            {
                case YamlScalarNode { Value: { } path }:
                    yield return (path, item.Start);
                    break;
                case YamlMappingNode entry:
                    foreach (var (key, value) in entry.Children)
                    {
                        var name = key is YamlScalarNode { Value: { } k } ? k : string.Empty;
                        if (name == "path")
                        {
                            foreach (var path in value is YamlSequenceNode paths ? paths.Children : [value])
                            {
                                yield return (path is YamlScalarNode { Value: { } p } ? p : string.Empty, path.Start);
                            }
                        }
                        else
                        {
                            errors.Add(new ImportError(file, key.Start, $"include: with {name} is not translated by the importer yet (path: is); import the included file with its {name} applied."));
                        }
                    }

                    break;
                default:
                    errors.Add(new ImportError(file, item.Start, "an include: item must be a path or a mapping with path:."));
                    break;
            }
        }
    }

    /// <summary>A compose file read from disk as one mapping, merge keys expanded.</summary>
    private static YamlMappingNode ReadRoot(string path)
    {
        var yaml = File.ReadAllText(path);
        AliasBudget.CheckText(yaml);
        var stream = Parse(yaml);
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ImportRefusal(stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty, $"{Path.GetFileName(path)} is not a compose file: a compose file is one YAML mapping.");
        }

        AliasBudget.Check(root);
        ComposeTags.RefuseShapes(root);
        MergeKeys.Expand(root);
        return root;
    }
}
