/** Node modules exceljs requires but never calls on the paths io uses (fs, crypto). */
module.exports = {};
