// a hashed asset of the test fixture: the real ones come from frontend/dist
document.getElementById("root").textContent = "GridGuard";
