// Whom a parent plan addresses, by name (src/derive/addressees.ts): each rule takes its ok names and leaves
// its not-ok ones, as lint's rules keep their examples.
import { describe, expect, it } from 'vitest';
import { addressesKind, addressesUnits, SCOPE_RULES, scopeOfName, UNIT_KINDS, withoutDoers } from '../src/derive/addressees.js';
import { isBodyName } from '../src/text/bodies.js';

describe.each(SCOPE_RULES.map((r) => [r.scope, r]))('%s', (scope, r) => {
  it.each(r.examples.ok)('takes "%s"', (name) => expect(scopeOfName(name)).toBe(scope));
  it.each(r.examples.notOk)('leaves "%s"', (name) => expect(scopeOfName(name)).not.toBe(scope));
});

describe('a sentence of Tổ chức thực hiện that addresses the units', () => {
  it.each([
    'Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh; Chủ tịch UBND các huyện, thành phố căn cứ chức năng, nhiệm vụ được giao chỉ đạo: xây dựng Kế hoạch',
    'Các đơn vị trực thuộc xây dựng kế hoạch và tổ chức thực hiện',
    'UBND các xã, phường chủ động triển khai thực hiện',
  ])('"%s"', (text) => expect(addressesUnits(text)).toBe(true));
  it.each([
    'Giao Công an tỉnh chủ trì phối hợp với Văn phòng UBND tỉnh giúp Chủ tịch UBND tỉnh hướng dẫn, đôn đốc',
    'Quá trình thực hiện nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương báo cáo về UBND tỉnh',
    'Phối hợp trong các đợt kiểm tra, giám sát tại đơn vị trực thuộc, Sở Y tế sẽ tổ chức kiểm tra',
    'Kinh phí thực hiện Kế hoạch này: Do ngân sách nhà nước đảm bảo',
  ])('not "%s"', (text) => expect(addressesUnits(text)).toBe(false));
});

describe('such a sentence, told as the unit\'s own task', () => {
  it.each([
    ['Các sở, ban, ngành trực thuộc UBND tỉnh; UBND các huyện, thành phố tiếp tục tổ chức tuyên truyền, tập huấn.', 'Tiếp tục tổ chức tuyên truyền, tập huấn.'],
    ['Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố có trách nhiệm: Lãnh đạo, chỉ đạo thực hiện tốt các quy định.', 'Lãnh đạo, chỉ đạo thực hiện tốt các quy định.'],
    ['Thủ trưởng các đơn vị chỉ đạo tuyên truyền đầy đủ các nội dung.', 'Chỉ đạo tuyên truyền đầy đủ các nội dung.'],
    // the task begins at its first verb, even one before "báo cáo": no word of it is lost
    ['Các Sở, ban, ngành; cơ quan, đơn vị tiến hành đánh giá, báo cáo kết quả thực hiện Kế hoạch.', 'Tiến hành đánh giá, báo cáo kết quả thực hiện Kế hoạch.'],
    ['UBND các huyện, thành phố rà soát, báo cáo số liệu.', 'Rà soát, báo cáo số liệu.'],
    // (the Prime Minister's national plan, QĐ 1422/QĐ-TTg: "giám sát và" was lost)
    ['Các bộ, ngành và Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm giám sát và đánh giá việc triển khai.', 'Giám sát và đánh giá việc triển khai.'],
  ])('"%s"', (text, own) => expect(withoutDoers(text)).toBe(own));
  it('another sentence is left', () => expect(withoutDoers('Giao Công an tỉnh chủ trì phối hợp với Văn phòng UBND tỉnh.')).toBeUndefined());
});

describe('a body\'s name', () => {
  it.each(['Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Công an tỉnh', 'Hội Nông dân tỉnh', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'UBND huyện', 'Thanh tra tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Thuế tỉnh Lào Cai', 'Hiệp hội Du lịch và các doanh nghiệp du lịch'])('"%s" is one', (s) => expect(isBodyName(s)).toBe(true));
  it.each(['Ban hành Quy chế bảo vệ BMNN', 'Hội nghị tập huấn', 'Phòng, chống tham nhũng', 'Báo cáo kết quả', 'Tổ chức tuyên truyền'])('"%s" is none', (s) => expect(isBodyName(s)).toBe(false));
});

describe.each(UNIT_KINDS.map((k) => [k.examples.unit, k]))('what a parent gives %s', (unit, k) => {
  it('the unit is of this kind', () => expect(k.unit.test(unit)).toBe(true));
  it.each(k.examples.ok)('"%s" addresses it', (to) => expect(addressesKind(to, unit)).toBe(true));
  it.each(k.examples.notOk)('"%s" does not', (to) => expect(addressesKind(to, unit)).toBe(false));
});

it('a unit of no known kind takes what any addressee below is given', () => {
  expect(addressesKind('Các sở, ban, ngành', 'Bệnh viện đa khoa tỉnh')).toBe(true);
});

it('an đặc khu (a commune-level unit since 01/7/2025) is a commune: "UBND các xã, phường, đặc khu" addresses it, "Các sở, ban, ngành" does not', () => {
  expect(addressesKind('UBND các xã, phường, đặc khu', 'Ủy ban nhân dân đặc khu Phú Quốc')).toBe(true);
  expect(addressesKind('Ủy ban nhân dân các đặc khu', 'UBND đặc khu Côn Đảo')).toBe(true);
  expect(addressesKind('Các sở, ban, ngành', 'Ủy ban nhân dân đặc khu Phú Quốc')).toBe(false);
});
