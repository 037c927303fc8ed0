import Foundation
import Precheck
import Testing

/// Edge cases of the form validators: what applicants really type.
@Suite("Form validators")
struct FormValidationTests {
    @Test func creditCodeNormalisesWhatPeopleType() throws {
        let valid = "91110000600037341L"
        #expect(CreditCode.isValid(valid.lowercased()))
        #expect(CreditCode.isValid("9111 0000 6000 3734 1L"))
        #expect(CreditCode.isValid("９１１１００００６０００３７３４１Ｌ"))   // full-width
        #expect(!CreditCode.isValid("91110000600037341"))                  // 17 characters
        #expect(throws: CreditCode.Problem.character) { try CreditCode.validate("91110000600037341I") }
        // Market regulation (9) has no category 5.
        let prefix = "95110000600037341"
        #expect(throws: CreditCode.Problem.category) { try CreditCode.validate(prefix + String(CreditCode.checkCharacter(for: prefix)!)) }
        // Division 00xxxx names no province.
        let nowhere = "91000000600037341"
        #expect(throws: CreditCode.Problem.division) { try CreditCode.validate(nowhere + String(CreditCode.checkCharacter(for: nowhere)!)) }
        // The division is six digits: a code read one character short at its
        // start (seed 2041 APP-0034, 91150902MAD2JCM1U1) passed its check
        // character by chance with division 50902M.
        #expect(throws: CreditCode.Problem.division) { try CreditCode.validate("1150902MAD2JCM11LU") }
    }

    @Test func idNumberEdgeCases() throws {
        // X check digit, lower-case x and spaces accepted.
        let withX = "11010519491231002X"
        #expect(ResidentIDNumber.isValid(withX))
        #expect(ResidentIDNumber.isValid("110105 19491231 002x"))
        // 29 February: real in 2000, not in 1900 or 2001.
        let leap = "1101052000022900" + "1"
        let leapNumber = String(leap.prefix(17)) + String(ResidentIDNumber.checkCharacter(for: String(leap.prefix(17)))!)
        #expect(ResidentIDNumber.isValid(leapNumber))
        let notLeap = "11010520010229001"
        #expect(throws: ResidentIDNumber.Problem.birthDate) {
            try ResidentIDNumber.validate(notLeap + String(ResidentIDNumber.checkCharacter(for: notLeap)!))
        }
        let born1900 = "11010519000229001"
        #expect(throws: ResidentIDNumber.Problem.birthDate) {
            try ResidentIDNumber.validate(born1900 + String(ResidentIDNumber.checkCharacter(for: born1900)!))
        }
        // Born in the future (relative to the given day).
        let future = "11010520300101001"
        #expect(throws: ResidentIDNumber.Problem.birthDate) {
            try ResidentIDNumber.validate(future + String(ResidentIDNumber.checkCharacter(for: future)!), today: CalendarDate(iso: "2026-11-25")!.date)
        }
    }

    @Test func mobileNumbers() {
        #expect(ContactValidation.isMobile("15600000000"))
        #expect(ContactValidation.isMobile("+86 156-0000-0000"))
        #expect(ContactValidation.isMobile("0086 15600000000"))
        #expect(!ContactValidation.isMobile("1560000000"))     // 10 digits
        #expect(!ContactValidation.isMobile("12600000000"))    // no 12x networks
        #expect(!ContactValidation.isMobile("０１５６００００００００"))
        #expect(!ContactValidation.isMobile(""))
    }

    @Test func emailAddresses() {
        #expect(ContactValidation.isEmail("admin@example.com"))
        #expect(ContactValidation.isEmail("wang.ming+ca@mail.example.com.cn"))
        #expect(!ContactValidation.isEmail("admin#example.com"))
        #expect(!ContactValidation.isEmail("admin@example"))
        #expect(!ContactValidation.isEmail("ad min@example.com"))
        #expect(!ContactValidation.isEmail("admin@@example.com"))
        #expect(!ContactValidation.isEmail(".admin@example.com"))
        #expect(!ContactValidation.isEmail("admin@-example.com"))
    }

    @Test func personalDataIsMaskedInFreeText() {
        #expect(PersonalData.masked("id 11010519491231002X, phone 15600001234, app 159108036521080")
                == "id 110105********002X, phone 156****1234, app 159108036521080")
    }
}
