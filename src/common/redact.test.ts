// The redaction of personal data in texts published on the portal: known people's details however written, and what looks like personal data.
import { describe, expect, it } from 'vitest';
import { mentionsKnown, mentionsTaxCode, PLACEHOLDERS as P, redactPersonalData, replacePhrase } from './redact';

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

  it('finds a name the writer gives as their own: after "Tôi là", "Tôi tên là", "Họ tên:", "Họ và tên:", in any case, up to five words', () => {
    expect(redactPersonalData('Tôi là Lương Thị Xuyến Chi, sinh năm 1980.')).toBe(`Tôi là ${P.name}, sinh năm 1980.`);
    expect(redactPersonalData('Tôi tên là Nguyễn Văn Ánh, trú ở thôn Tây.')).toBe(`Tôi tên là ${P.name}, trú ở thôn Tây.`);
    expect(redactPersonalData('Họ tên: Đặng Thị Ngọc Ánh. Họ và tên:Trần Văn Bê')).toBe(`Họ tên: ${P.name}. Họ và tên:${P.name}`);
    expect(redactPersonalData('HỌ VÀ TÊN: LÊ VĂN TÁM; ông TRẦN VĂN SAI')).toBe(`HỌ VÀ TÊN: ${P.name}; ông ${P.name}`);
    expect(redactPersonalData('bà Tôn Nữ Thị Ánh Nguyệt đề nghị')).toBe(`bà ${P.name} đề nghị`);
  });

  it('finds 9-digit ID numbers grouped by spaces or dots, and phone numbers written with dots, dashes, +84 or an area code in brackets', () => {
    expect(redactPersonalData('CMND 123 456 789, CMND 123.456.789, CCCD 001.199.007.777')).toBe(`CMND ${P.idNumber}, CMND ${P.idNumber}, CCCD ${P.idNumber}`);
    expect(redactPersonalData('kinh phí 150.000.000 đồng, 250 000 000 VNĐ')).toBe('kinh phí 150.000.000 đồng, 250 000 000 VNĐ');
    expect(redactPersonalData('ĐT 0987.111.222, +84 987 111 222, +84987111222, 84 987-111-222, 0987 111222, (024) 3825 1234')).toBe(
      `ĐT ${P.phone}, ${P.phone}, ${P.phone}, ${P.phone}, ${P.phone}, (${P.phone}`,
    );
  });

  it('finds an address by its house number and lane, street or hamlet, without a label; keeps a document number', () => {
    expect(redactPersonalData('Nhà tôi ở số 7 ngõ Kín, thôn Tây. Xin cảm ơn.')).toBe(`Nhà tôi ở ${P.address}. Xin cảm ơn.`);
    expect(redactPersonalData('Số nhà 15, ngõ 8, phố Hàng Bông, Hà Nội')).toBe(P.address);
    expect(redactPersonalData('Địa chỉ số 12/3 đường Lê Lợi, phường 4')).toBe(`Địa chỉ ${P.address}`);
    expect(redactPersonalData('Theo Quyết định số 12/QĐ-UBND ngày 5/3/2026, thôn Tây được hỗ trợ.')).toBe('Theo Quyết định số 12/QĐ-UBND ngày 5/3/2026, thôn Tây được hỗ trợ.');
  });
});

describe('redactPersonalData: addresses without "số", labelled names, tax codes', () => {
  it('finds an address that starts with a bare house number: a street name, or a lane, street or hamlet with its name, and the areas after it', () => {
    expect(redactPersonalData('Nhà ông ở 25 Nguyễn Trãi, Thanh Xuân, Hà Nội.')).toBe(`Nhà ông ở ${P.address}.`);
    expect(redactPersonalData('Gửi về 25 Nguyễn Trãi')).toBe(`Gửi về ${P.address}`);
    expect(redactPersonalData('Tôi ở 12 ngõ 34 phố Huế, quận Hai Bà Trưng; xin cảm ơn')).toBe(`Tôi ở ${P.address}; xin cảm ơn`);
    expect(redactPersonalData('Hộ tại 7B Hàng Bông đã được hỗ trợ, còn 1024 đường Trần Hưng Đạo, phường 5 bị ngập.')).toBe(
      `Hộ tại ${P.address} đã được hỗ trợ, còn ${P.address} bị ngập.`,
    );
    expect(redactPersonalData('Nhà 12/3 Lê Lợi, TP. Huế')).toBe(`Nhà ${P.address}`);
  });

  it('keeps numbers that are not houses: dates, articles and clauses, amounts, decision numbers, years, counts, areas', () => {
    for (const text of [
      'Ngày 25/11/2026 Ủy ban nhân dân xã đã trả lời.',
      'Căn cứ Khoản 2 Điều 25 Luật Khiếu nại năm 2011 và Chương 3 Nghị định 124/2020/NĐ-CP.',
      'Hỗ trợ 25 triệu đồng theo Quyết định số 15/QĐ-UBND ngày 5/3/2026.',
      'Đến 2027 Hà Nội sẽ hoàn thành; năm 2026 Ủy ban sửa 12 thôn trên địa bàn.',
      'Tổng cộng 25 Hộ Nghèo và 3 Hội viên; tổ 5 Phường Bình Minh họp lúc 9 Giờ.',
      'Quốc lộ 1A qua xã, kinh phí 150.000.000 đồng, đạt 92%.',
    ])
      expect(redactPersonalData(text), text).toBe(text);
  });

  it('finds a name after a label and a colon: "Họ và tên người viết đơn:", "Người viết:", in any case; not the label itself', () => {
    expect(redactPersonalData('Họ và tên người viết đơn: Nguyễn Thị Hoa')).toBe(`Họ và tên người viết đơn: ${P.name}`);
    expect(redactPersonalData('HỌ VÀ TÊN NGƯỜI VIẾT ĐƠN: LÊ VĂN TÁM')).toBe(`HỌ VÀ TÊN NGƯỜI VIẾT ĐƠN: ${P.name}`);
    expect(redactPersonalData('Người viết: Trần Văn Bình, sinh năm 1970. Người đại diện:Lê Thị Cúc')).toBe(`Người viết: ${P.name}, sinh năm 1970. Người đại diện:${P.name}`);
    // A name followed by lower-case words and a colon is still a name.
    expect(redactPersonalData('ông Nguyễn Văn An đề nghị như sau: sửa đường')).toBe(`ông ${P.name} đề nghị như sau: sửa đường`);
    // Without a name after it, the label stays as it is.
    expect(redactPersonalData('Người viết đơn: (không ghi)')).toBe('Người viết đơn: (không ghi)');
  });

  it('finds a tax code after its label: ten digits, a branch\'s ten and three (dash or not), a person\'s twelve; and still the phone beside it', () => {
    expect(redactPersonalData('Công ty có mã số thuế 0101234567, MST: 0312345678-001, Mã số thuế: 0109876543; điện thoại 0912345678.')).toBe(
      `Công ty có mã số thuế ${P.taxCode}, MST: ${P.taxCode}, Mã số thuế: ${P.taxCode}; điện thoại ${P.phone}.`,
    );
    expect(redactPersonalData('Mã số thuế cá nhân của tôi là 8012345678, MST 0312345678 - 002, MÃ SỐ THUẾ:001090012345, mã số doanh nghiệp 0101234567.')).toBe(
      `Mã số thuế cá nhân của tôi là ${P.taxCode}, MST ${P.taxCode}, MÃ SỐ THUẾ:${P.taxCode}, mã số doanh nghiệp ${P.taxCode}.`,
    );
    expect(redactPersonalData('ma so thue 8123456789; msdn: 0100109106-011; MST 0312345678001')).toBe(`ma so thue ${P.taxCode}; msdn: ${P.taxCode}; MST ${P.taxCode}`);
  });

  it('keeps, beside a tax code, decision numbers, dates, amounts, articles and the rest of a longer number', () => {
    const text = 'Theo Quyết định số 15/QĐ-UBND ngày 05/3/2026 và Khoản 2 Điều 25, hộ kinh doanh có MST 8012345678 nộp 12.500.000 đồng; số tài khoản 01012345678901 giữ nguyên.';
    expect(redactPersonalData(text)).toBe(text.replace('8012345678', P.taxCode));
    // Eleven digits or a longer run after the label are not a tax code (and not a phone either).
    expect(redactPersonalData('MST 01012345678 sai')).toBe('MST 01012345678 sai');
  });

  it('tells a text that still holds a tax code after its label, however often asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(mentionsTaxCode('Hộ kinh doanh, mã số thuế: 8012345678.')).toBe(true);
      expect(mentionsTaxCode('MST 0312345678-001')).toBe(true);
      expect(mentionsTaxCode(`mã số thuế ${P.taxCode}, điện thoại 0912345678, Quyết định số 15/QĐ-UBND`)).toBe(false);
    }
  });
});

describe('mentionsKnown', () => {
  const DENOUNCER = { name: 'Lương Thị Xuyến Chi', address: 'Số 7 ngõ Kín, thôn Tây', phone: '0987 111 222', email: 'xuyenchi@example.vn', idNumber: '001199007777' };

  it('tells a text that still holds a known detail, even where the generic shapes would redact it the same with or without the known people', () => {
    for (const text of [
      'Gửi bà Lương Thị Xuyến Chi',
      'gửi LUONG THI XUYEN CHI',
      'liên hệ 0987.111.222',
      'liên hệ +84 987 111 222',
      'CCCD 001 199 007 777',
      'thư XuyenChi@Example.VN',
      'tại số 7 ngõ kín, thôn Tây',
    ])
      expect(mentionsKnown(text, [DENOUNCER]), text).toBe(true);
  });

  it('passes a text without the known details, and any text when nobody is known', () => {
    expect(mentionsKnown('Xã sẽ sửa cầu tràn thôn Tây trong quý I năm 2027, kinh phí 150.000.000 đồng.', [DENOUNCER])).toBe(false);
    expect(mentionsKnown('Gửi bà Lương Thị Xuyến Chi, 0987 111 222', [])).toBe(false);
    expect(mentionsKnown('Gửi bà Lương Thị Xuyến', [{ name: 'Lương Thị Xuyến Chi' }, {}])).toBe(false);
  });
});
