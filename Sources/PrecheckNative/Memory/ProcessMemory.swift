import CMalloc

/// The process's heap.
public enum ProcessMemory {
    /// Hands memory the allocator holds free back to the system
    /// (`malloc_trim`). A page's variants take tens of megabytes in many
    /// blocks; glibc keeps them in its arenas once freed, so without this a
    /// long-running worker's resident size creeps past one document's need.
    public static func returnFreed() {
        _ = malloc_trim(0)
    }
}
