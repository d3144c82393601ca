// The redaction of personal data in texts published on the portal: known people's details however written, and what looks like personal data.
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS as P, redactPersonalData, replacePhrase } from './redact';

const WRITER = { name: 'Nguyễn Văn Khiếu', address: 'Thôn Đông, xã An Bình', phone: '0912 345 678', idNumber: '001090012345', email: 'khieu@example.vn' };

describe('redactPersonalData', () => {
  it('replaces the known writer wherever and however written: case, diacritics, spacing, separators', () => {
    const text =
      'Kính gửi ông Nguyễn Văn Khiếu (NGUYEN  VAN KHIEU), trú tại Thôn Đông, xã An Bình. Điện thoại 0912.345.678 hoặc +84 912 345 678; CCCD 001 090 012 345; thư Khieu@Example.VN.';
    expect(redactPersonalData(text, [WRITER])).toBe(
      `Kính gửi ông ${P.name} (${P.name}), trú tại ${P.address}. Điện thoại ${P.phone} hoặc ${P.phone}; CCCD ${P.idNumber}; thư ${P.email}.`,
    );
  });

  it('finds unknown personal data by its shape: e-mails, 12- and 9-digit ID numbers, phone numbers, an address after its label, a name after a form of address', () => {
    const text = 'Bà Lê Thị Thu (địa chỉ: số 12 ngõ 5 phố Huế) gọi 024 3825 1234 và 0987654321, CMND 123456789, CCCD 079203001234, thư thu.le@mail.vn; anh Trần B cũng đề nghị.';
    expect(redactPersonalData(text)).toBe(
      `Bà ${P.name} (địa chỉ: ${P.address}) gọi ${P.phone} và ${P.phone}, CMND ${P.idNumber}, CCCD ${P.idNumber}, thư ${P.email}; anh ${P.name} cũng đề nghị.`,
    );
  });

  it('keeps what is not personal: bodies, document numbers, dates, amounts, years, percentages', () => {
    const text = 'Ủy ban nhân dân xã An Bình trả lời theo Văn bản số 88/UBND-VP ngày 20/11/2026: đưa vào kế hoạch năm 2027, kinh phí 150.000.000 đồng, đạt 92%.';
    expect(redactPersonalData(text, [WRITER])).toBe(text);
  });

  it('matches a known name only as whole words, and the longest known phrase first', () => {
    expect(replacePhrase('Văn Anh và Văn An', 'Văn An', P.name)).toBe(`Văn Anh và ${P.name}`);
    const people = [{ name: 'Lê Thu' }, { name: 'Lê Thu Hà' }];
    expect(redactPersonalData('gửi Lê Thu Hà và Lê Thu', people)).toBe(`gửi ${P.name} và ${P.name}`);
  });

  it('leaves a text without personal data and an empty list alone, and returns NFC', () => {
    expect(redactPersonalData('')).toBe('');
    const decomposed = 'Đường thôn Tây đã được sửa.'.normalize('NFD');
    const out = redactPersonalData(decomposed, [{}]);
    expect(out).toBe('Đường thôn Tây đã được sửa.');
    expect(out).toBe(out.normalize('NFC'));
  });
});
