@testable import PrecheckBatch
import PrecheckNative
import Testing

@Suite("Batch: archive entry names")
struct BatchEntryPathTests {
    @Test func plainNamesSplitIntoFolderAndFile() throws {
        let path = try EntryPath.parse("batch/APP-0001/./license.jpg").get()
        #expect(path.components == ["batch", "APP-0001", "license.jpg"])
        #expect(path.folder == "batch/APP-0001")
        #expect(path.fileName == "license.jpg")
        #expect(try EntryPath.parse("application.json").get().folder == "")
        #expect(try EntryPath.parse("APP\\id-front.jpg").get().components == ["APP", "id-front.jpg"])
        #expect(try EntryPath.parse("APP//x/").get().path == "APP/x")
    }

    @Test func namesThatLeaveTheArchiveAreRefused() {
        #expect(EntryPath.parse("../evil") == .failure(.climbsOut))
        #expect(EntryPath.parse("APP/../../evil") == .failure(.climbsOut))
        #expect(EntryPath.parse("APP\\..\\..\\evil") == .failure(.climbsOut))
        #expect(EntryPath.parse("/etc/passwd") == .failure(.absolute))
        #expect(EntryPath.parse("\\\\server\\share") == .failure(.absolute))
        #expect(EntryPath.parse("C:/Windows/evil") == .failure(.absolute))
        #expect(EntryPath.parse("") == .failure(.empty))
        #expect(EntryPath.parse("a\0b") == .failure(.containsNUL))
    }

    @Test func namesInOtherEncodingsBecomeText() {
        // 申请一 in GBK, as Chinese Windows zip tools store it.
        #expect(EntryNameText.decode([0xC9, 0xEA, 0xC7, 0xEB, 0xD2, 0xBB]) == "申请一")
        #expect(EntryNameText.decode(Array("申请一/a.jpg".utf8)) == "申请一/a.jpg")
        // Not UTF-8 and not GB 18030 either: escaped, never dropped.
        #expect(EntryNameText.decode([0x41, 0xFF, 0x42]) == "A%FFB")
    }
}
