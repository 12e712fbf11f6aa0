// The names of public bodies, as plans write them: one pattern for import (a unit's heading in Tổ chức thực hiện)
// and derive (who a task or a section addresses).

/**
 * A body's name: a kind of body then its proper name ("Sở Nội vụ", "Văn phòng UBND tỉnh", "Hội Nông dân", "Hiệp hội Du lịch"; not
 * "Ban hành …", "Hội nghị …", "Phòng, chống …", "Báo cáo …"), or a body named by its kind and place alone.
 */
const BODY = /^(?:(?:Sở|Ban|Hội|Hiệp hội|Bộ|Cục|Chi cục|Viện|Trung tâm|Bệnh viện|Đài|Báo|Liên đoàn|Tổng cục|Văn phòng|Phòng)\s\p{Lu}|(?:Công an|Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban|UBND|Thanh tra|Bảo hiểm xã hội|Kho bạc Nhà nước|Bộ Chỉ huy Quân sự|Tỉnh đoàn|Thuế (?:tỉnh|thành phố|cơ sở))(?:\s|$))/u;

/** Whether a text starts with a body's name. */
export const isBodyName = (s: string): boolean => BODY.test(s);
