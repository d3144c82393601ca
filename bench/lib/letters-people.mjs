// The benchmark's letter writers and new letters, the same in the generator (bench/lib/letters-writers.ts)
// and the load generator: writer i is always the same person, so the product recognises them.

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const PLACES = ['thôn Đông', 'thôn Tây', 'thôn Nam', 'thôn Bắc', 'xóm Chùa', 'xóm Bến', 'thôn Tân Lập', 'ấp Bình An'];

/** Writer i of the pool (i ≥ 1): name, address, phone and ID number, all derived from i. */
export function benchWriter(i) {
  const name = `${SURNAMES[i % SURNAMES.length]} ${MIDDLE[Math.floor(i / 16) % MIDDLE.length]} ${GIVEN[Math.floor(i / 160) % GIVEN.length]}`;
  return {
    name,
    address: `${PLACES[i % PLACES.length]} ${1 + (i % 12)}, xã Mẫu ${String(1 + (i % 97)).padStart(3, '0')}`,
    phone: `09${String(10_000_000 + i).slice(-8)}`,
    idNumber: `0010${String(90_000_000 + i).slice(-8)}`,
  };
}
