// ELF patch that lets TorchSharp's libLibTorchSharp.so load on a system whose libstdc++ is older than the one it was linked
// against. Compiled twice: by MSBuild's RoslynCodeTaskFactory for the build step (LibTorchSharpGlibcxx.targets, netstandard
// APIs only, hence no spans), and into tests/RlNotebooks.Deep.Tests with ELF_PATCH_TESTS defined (without the MSBuild task).
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace RlNotebooks.Deep.Build
{
    /// <summary>
    /// Version requirements (ELF64 little-endian, .gnu.version_r) of a shared library on the libraries it needs.
    /// The dynamic loader refuses a library that needs a symbol version its dependency does not define, unless that requirement
    /// carries VER_FLG_WEAK. libLibTorchSharp.so (TorchSharp 0.107.0) needs GLIBCXX_3.4.32 (GCC 13) for the single symbol
    /// _ZSt21ios_base_library_initv, which no relocation references: the requirement only forces the newer libstdc++, the code
    /// never calls it. Marking such a requirement weak is therefore exact; a missing version that a relocation does reference
    /// is a real dependency, and the patch refuses it with an error instead of producing a library that fails at run time.
    /// </summary>
    public static class ElfVersionNeeds
    {
        /// <summary>vna_flags bit that makes a missing version a warning instead of a load error (glibc dl-version.c).</summary>
        public const ushort WeakFlag = 0x2;

        private const uint SectionRela = 4, SectionRel = 9, SectionDynamicSymbols = 11;
        private const uint SectionVersionDefinitions = 0x6ffffffd, SectionVersionNeeds = 0x6ffffffe, SectionVersionSymbols = 0x6fffffff;

        /// <summary>
        /// Sets VER_FLG_WEAK, in <paramref name="elf"/> itself, on every requirement on <paramref name="neededFile"/> whose version
        /// is not in <paramref name="available"/> and not yet weak. Returns the versions it weakened (empty: nothing written).
        /// Throws <see cref="InvalidOperationException"/> if a relocation references a symbol of such a version.
        /// </summary>
        public static IReadOnlyList<string> WeakenUnusedMissing(byte[] elf, string neededFile, ICollection<string> available)
        {
            var weakened = new List<string>();
            foreach (var need in Requirements(elf))
            {
                if (need.File != neededFile || available.Contains(need.Version) || (need.Flags & WeakFlag) != 0)
                {
                    continue;
                }

                string? used = SymbolReferencedByRelocation(elf, need.VersionIndex);
                if (used != null)
                {
                    throw new InvalidOperationException(
                        $"{neededFile} on this system lacks {need.Version}, and the library really uses {used}@{need.Version}: install a newer {neededFile} (GCC's libstdc++) instead of patching.");
                }

                WriteUInt16(elf, need.FlagsOffset, (ushort)(need.Flags | WeakFlag));
                weakened.Add(need.Version);
            }

            return weakened;
        }

        /// <summary>One Vernaux entry: <see cref="File"/> must define <see cref="Version"/>.</summary>
        public sealed class Requirement
        {
            internal Requirement(string file, string version, ushort flags, ushort versionIndex, int flagsOffset)
            {
                File = file;
                Version = version;
                Flags = flags;
                VersionIndex = versionIndex;
                FlagsOffset = flagsOffset;
            }

            /// <summary>The needed library (vn_file), e.g. libstdc++.so.6.</summary>
            public string File { get; }

            /// <summary>The version name (vna_name), e.g. GLIBCXX_3.4.32.</summary>
            public string Version { get; }

            /// <summary>vna_flags (<see cref="WeakFlag"/>).</summary>
            public ushort Flags { get; }

            /// <summary>vna_other: the index that .gnu.version gives the symbols bound to this version.</summary>
            public ushort VersionIndex { get; }

            /// <summary>File offset of vna_flags.</summary>
            public int FlagsOffset { get; }
        }

        /// <summary>All version requirements (.gnu.version_r) of <paramref name="elf"/>.</summary>
        public static IReadOnlyList<Requirement> Requirements(byte[] elf)
        {
            var requirements = new List<Requirement>();
            foreach (var section in Sections(elf))
            {
                if (section.Type != SectionVersionNeeds)
                {
                    continue;
                }

                var strings = Sections(elf)[(int)section.Link];
                int need = (int)section.Offset;
                for (uint n = 0; n < section.Info; n++)
                {
                    string file = CString(elf, strings, ReadUInt32(elf, need + 4));
                    int aux = need + (int)ReadUInt32(elf, need + 8);
                    for (int a = 0; a < ReadUInt16(elf, need + 2); a++)
                    {
                        requirements.Add(new Requirement(file, CString(elf, strings, ReadUInt32(elf, aux + 8)),
                            ReadUInt16(elf, aux + 4), ReadUInt16(elf, aux + 6), aux + 4));
                        aux += (int)ReadUInt32(elf, aux + 12);
                    }

                    need += (int)ReadUInt32(elf, need + 12);
                }
            }

            return requirements;
        }

        /// <summary>The version names a library defines (.gnu.version_d), e.g. the GLIBCXX_3.4.x of a libstdc++.so.6.</summary>
        public static ISet<string> Definitions(byte[] elf)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in Sections(elf))
            {
                if (section.Type != SectionVersionDefinitions)
                {
                    continue;
                }

                var strings = Sections(elf)[(int)section.Link];
                int definition = (int)section.Offset;
                for (uint d = 0; d < section.Info; d++)
                {
                    names.Add(CString(elf, strings, ReadUInt32(elf, definition + (int)ReadUInt32(elf, definition + 12))));
                    definition += (int)ReadUInt32(elf, definition + 16);
                }
            }

            return names;
        }

        /// <summary>Name of a dynamic symbol of version index <paramref name="versionIndex"/> that a relocation references, or null.</summary>
        private static string? SymbolReferencedByRelocation(byte[] elf, ushort versionIndex)
        {
            var sections = Sections(elf);
            foreach (var relocations in sections)
            {
                if (relocations.Type != SectionRela && relocations.Type != SectionRel)
                {
                    continue;
                }

                var symbols = sections[(int)relocations.Link];
                if (symbols.Type != SectionDynamicSymbols)
                {
                    continue;
                }

                var versions = FindVersionSymbols(sections);
                ulong entrySize = relocations.Type == SectionRela ? 24UL : 16UL;
                for (ulong r = 0; r < relocations.Size / entrySize; r++)
                {
                    int symbol = (int)(ReadUInt64(elf, (int)(relocations.Offset + r * entrySize + 8)) >> 32);
                    if (symbol != 0 && (ReadUInt16(elf, (int)versions.Offset + 2 * symbol) & 0x7fff) == versionIndex)
                    {
                        return CString(elf, sections[(int)symbols.Link], ReadUInt32(elf, (int)symbols.Offset + 24 * symbol));
                    }
                }
            }

            return null;
        }

        private static Section FindVersionSymbols(IReadOnlyList<Section> sections)
        {
            foreach (var section in sections)
            {
                if (section.Type == SectionVersionSymbols)
                {
                    return section;
                }
            }

            throw new InvalidDataException("A library with version requirements has no .gnu.version section.");
        }

        private sealed class Section
        {
            public uint Type;
            public ulong Offset;
            public ulong Size;
            public uint Link;
            public uint Info;
        }

        private static IReadOnlyList<Section> Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw new InvalidDataException("Not an ELF file.");
            }

            if (elf[4] != 2 || elf[5] != 1)
            {
                throw new InvalidDataException($"Only 64-bit little-endian ELF is supported (class {elf[4]}, data {elf[5]}).");
            }

            ulong headers = ReadUInt64(elf, 0x28);
            int size = ReadUInt16(elf, 0x3A), count = ReadUInt16(elf, 0x3C);
            if (headers + (ulong)(size * count) > (ulong)elf.Length)
            {
                throw new InvalidDataException("ELF section headers lie beyond the end of the file.");
            }

            var sections = new List<Section>(count);
            for (int i = 0; i < count; i++)
            {
                int header = (int)headers + i * size;
                sections.Add(new Section
                {
                    Type = ReadUInt32(elf, header + 4),
                    Offset = ReadUInt64(elf, header + 24),
                    Size = ReadUInt64(elf, header + 32),
                    Link = ReadUInt32(elf, header + 40),
                    Info = ReadUInt32(elf, header + 44),
                });
            }

            return sections;
        }

        private static string CString(byte[] elf, Section strings, uint index)
        {
            int start = (int)strings.Offset + (int)index, end = start;
            while (elf[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(elf, start, end - start);
        }

        private static ushort ReadUInt16(byte[] elf, int offset) => (ushort)(elf[offset] | elf[offset + 1] << 8);

        private static uint ReadUInt32(byte[] elf, int offset) => ReadUInt16(elf, offset) | (uint)ReadUInt16(elf, offset + 2) << 16;

        private static ulong ReadUInt64(byte[] elf, int offset) => ReadUInt32(elf, offset) | (ulong)ReadUInt32(elf, offset + 4) << 32;

        private static void WriteUInt16(byte[] elf, int offset, ushort value)
        {
            elf[offset] = (byte)value;
            elf[offset + 1] = (byte)(value >> 8);
        }
    }

    /// <summary>Where the running process got its libstdc++.so.6: the copy the dynamic loader would give TorchSharp too.</summary>
    public static class SystemLibstdcxx
    {
        private static readonly string[] UsualPaths =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };

        /// <summary>The path of libstdc++.so.6 mapped into this process (/proc/self/maps), else the first usual path that exists, else null.</summary>
        public static string? Locate()
        {
            if (File.Exists("/proc/self/maps"))
            {
                foreach (string line in File.ReadAllLines("/proc/self/maps"))
                {
                    int slash = line.IndexOf('/');
                    if (slash >= 0 && line.IndexOf("/libstdc++.so.6", slash, StringComparison.Ordinal) >= 0)
                    {
                        return line.Substring(slash);
                    }
                }
            }

            foreach (string path in UsualPaths)
            {
                if (File.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }
    }
}

#if !ELF_PATCH_TESTS
namespace RlNotebooks.Deep.Build
{
    /// <summary>
    /// MSBuild task: for each copied libLibTorchSharp.so, marks the libstdc++ version requirements this system's libstdc++ lacks
    /// as weak (see <see cref="ElfVersionNeeds"/>). Where the system libstdc++ is new enough, no file is written.
    /// </summary>
    public sealed class WeakenMissingLibstdcxxVersions : Microsoft.Build.Utilities.Task
    {
        /// <summary>The copied libLibTorchSharp.so files in output folders (never the NuGet cache).</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        /// <inheritdoc />
        public override bool Execute()
        {
            string? libstdcxx = SystemLibstdcxx.Locate();
            if (libstdcxx == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "No libstdc++.so.6 found on this system; libLibTorchSharp.so left as shipped.");
                return true;
            }

            var available = ElfVersionNeeds.Definitions(File.ReadAllBytes(libstdcxx));
            foreach (var library in Libraries)
            {
                string path = library.ItemSpec;
                byte[] elf = File.ReadAllBytes(path);
                IReadOnlyList<string> weakened;
                try
                {
                    weakened = ElfVersionNeeds.WeakenUnusedMissing(elf, "libstdc++.so.6", available);
                }
                catch (Exception e) when (e is InvalidOperationException || e is InvalidDataException)
                {
                    Log.LogError($"{path}: {e.Message}");
                    continue;
                }

                if (weakened.Count == 0)
                {
                    continue;
                }

                // A new file replaces the copy, so a hard link into the NuGet cache (if the copy made one) is never written through.
                string temporary = path + ".patching";
                File.WriteAllBytes(temporary, elf);
                File.Delete(path);
                File.Move(temporary, path);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    $"{path}: {libstdcxx} lacks {string.Join(", ", weakened)}, which no relocation uses; marked weak so the library loads.");
            }

            return !Log.HasLoggedErrors;
        }
    }
}
#endif
