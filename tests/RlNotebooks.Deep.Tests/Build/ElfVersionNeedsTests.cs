using System.Reflection;
using RlNotebooks.Deep.Build;

namespace RlNotebooks.Deep.Tests.Build;

/// <summary>The ELF patch the build applies to libLibTorchSharp.so, tested on the file TorchSharp 0.107.0 ships.</summary>
public sealed class ElfVersionNeedsTests
{
    private static readonly string Shipped = typeof(ElfVersionNeedsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ShippedLibTorchSharp").Value!;

    /// <summary>Every version GCC 12's libstdc++ (Debian 12, GLIBCXX_3.4.30) defines that the library needs.</summary>
    private static HashSet<string> Gcc12Versions(byte[] elf) =>
        ElfVersionNeeds.Requirements(elf).Where(r => r.File == "libstdc++.so.6" && r.Version != "GLIBCXX_3.4.32").Select(r => r.Version).ToHashSet();

    [Fact]
    public void The_shipped_library_needs_GLIBCXX_3_4_32_from_libstdcxx_not_weak()
    {
        var requirement = ElfVersionNeeds.Requirements(File.ReadAllBytes(Shipped)).Single(r => r.Version == "GLIBCXX_3.4.32");

        Assert.Equal("libstdc++.so.6", requirement.File);
        Assert.Equal(0, requirement.Flags & ElfVersionNeeds.WeakFlag);
    }

    [Fact]
    public void Against_GCC_12_only_GLIBCXX_3_4_32_becomes_weak_and_only_its_flag_bytes_change()
    {
        byte[] original = File.ReadAllBytes(Shipped), patched = (byte[])original.Clone();

        var weakened = ElfVersionNeeds.WeakenUnusedMissing(patched, "libstdc++.so.6", Gcc12Versions(original));

        Assert.Equal(["GLIBCXX_3.4.32"], weakened);
        var requirement = ElfVersionNeeds.Requirements(patched).Single(r => r.Version == "GLIBCXX_3.4.32");
        Assert.Equal(ElfVersionNeeds.WeakFlag, requirement.Flags);
        int[] changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        Assert.Equal([requirement.FlagsOffset], changed);
        Assert.All(ElfVersionNeeds.Requirements(patched).Where(r => r.Version != "GLIBCXX_3.4.32"), r => Assert.Equal(0, r.Flags & ElfVersionNeeds.WeakFlag));
    }

    [Fact]
    public void Patching_twice_changes_nothing_more()
    {
        byte[] once = File.ReadAllBytes(Shipped);
        ElfVersionNeeds.WeakenUnusedMissing(once, "libstdc++.so.6", Gcc12Versions(once));
        byte[] twice = (byte[])once.Clone();

        Assert.Empty(ElfVersionNeeds.WeakenUnusedMissing(twice, "libstdc++.so.6", Gcc12Versions(once)));
        Assert.Equal(once, twice);
    }

    [Fact]
    public void A_libstdcxx_with_every_version_leaves_the_file_untouched()
    {
        byte[] original = File.ReadAllBytes(Shipped), copy = (byte[])original.Clone();
        var all = ElfVersionNeeds.Requirements(original).Select(r => r.Version).ToHashSet();

        Assert.Empty(ElfVersionNeeds.WeakenUnusedMissing(copy, "libstdc++.so.6", all));
        Assert.Equal(original, copy);
    }

    [Fact]
    public void A_missing_version_that_a_relocation_uses_is_refused()
    {
        // std::condition_variable::wait@GLIBCXX_3.4.30 is called through the PLT: weakening it would only move the failure to run time.
        byte[] elf = File.ReadAllBytes(Shipped);
        var gcc11 = Gcc12Versions(elf);
        gcc11.Remove("GLIBCXX_3.4.30");

        var error = Assert.Throws<InvalidOperationException>(() => ElfVersionNeeds.WeakenUnusedMissing(elf, "libstdc++.so.6", gcc11));

        Assert.Contains("GLIBCXX_3.4.30", error.Message);
        Assert.Contains("condition_variable", error.Message);
    }

    [Fact]
    public void The_system_libstdcxx_definitions_are_read_from_its_version_section()
    {
        string? path = SystemLibstdcxx.Locate();

        Assert.NotNull(path);
        var versions = ElfVersionNeeds.Definitions(File.ReadAllBytes(path));
        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("CXXABI_1.3", versions);
    }

    [Fact]
    public void The_copy_next_to_the_tests_needs_no_version_this_system_lacks_unless_weak()
    {
        var available = ElfVersionNeeds.Definitions(File.ReadAllBytes(SystemLibstdcxx.Locate()!));
        string copy = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

        var hard = ElfVersionNeeds.Requirements(File.ReadAllBytes(copy))
            .Where(r => r.File == "libstdc++.so.6" && !available.Contains(r.Version) && (r.Flags & ElfVersionNeeds.WeakFlag) == 0);

        Assert.Empty(hard);
    }

    [Fact]
    public void Non_ELF_input_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Requirements("not an ELF file at all, just text here for the header"u8.ToArray()));
    }
}
